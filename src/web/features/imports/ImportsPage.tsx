// «Импорт»: start an import (dry run or real), follow its progress and results, and browse earlier imports.
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ImportForm } from './ImportForm';
import { ImportHistory } from './ImportHistory';
import { ImportJobView } from './ImportJobView';
import { isFinished, useImportJob } from './imports.api';

export function ImportsPage() {
  const { t } = useTranslation('imports');
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job') ?? undefined;
  const current = useImportJob(jobId);
  const running = !!current.data && !isFinished(current.data);
  const open = (id: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('job', id);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <ImportForm onStarted={(job) => open(job.id)} busy={running} />
        </Col>
        <Col xs={24} xl={14}>
          {jobId ? (
            <ImportJobView jobId={jobId} />
          ) : (
            <Typography.Paragraph type="secondary">{t('job.none')}</Typography.Paragraph>
          )}
        </Col>
      </Row>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 32 }}>
        {t('history.title')}
      </Typography.Title>
      <ImportHistory onOpen={open} currentId={jobId} />
    </>
  );
}

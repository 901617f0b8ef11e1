// One import job: progress while it runs, then the summary and the rows that were skipped with their reasons.
import { Alert, Card, Descriptions, Progress, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { type ImportJob, type ImportRowError, isFinished, useImportJob } from './imports.api';

export function ImportJobView({ jobId }: { jobId: string }) {
  const { t } = useTranslation('imports');
  const query = useImportJob(jobId);
  const job = query.data;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!job) return <Skeleton active />;
  const finished = isFinished(job);
  const percent =
    job.total > 0 ? Math.min(100, Math.floor((job.processed / job.total) * 100)) : finished ? 100 : 0;

  return (
    <Card
      title={
        <span>
          {job.dryRun ? t('job.titleDryRun') : t('job.title')}: {job.fileName}
        </span>
      }
      extra={<StatusTag job={job} />}
      data-testid="import-job"
    >
      <div aria-live="polite">
        {!finished ? (
          <>
            <Progress
              percent={percent}
              status="active"
              aria-label={t('job.progress')}
              format={() => (job.total > 0 ? `${job.processed} / ${job.total}` : '')}
            />
            <Typography.Paragraph type="secondary">
              {job.total > 0
                ? t('job.processedOf', { processed: job.processed, count: job.total })
                : job.status === 'queued'
                  ? t('job.queued')
                  : t('job.reading')}
            </Typography.Paragraph>
          </>
        ) : (
          <Summary job={job} />
        )}
      </div>
      {job.errors.length > 0 ? <RowErrors errors={job.errors} /> : null}
    </Card>
  );
}

function StatusTag({ job }: { job: ImportJob }) {
  const { t } = useTranslation('imports');
  const color = { queued: 'default', running: 'processing', done: 'success', failed: 'error' }[job.status];
  return <Tag color={color}>{t(`status.${job.status}`)}</Tag>;
}

function Summary({ job }: { job: ImportJob }) {
  const { t } = useTranslation('imports');
  const mode = job.dryRun ? 'will' : 'did';
  if (job.status === 'failed')
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('job.failed')}
        description={job.message ?? undefined}
        style={{ marginBottom: 16 }}
      />
    );
  return (
    <>
      <Alert
        type={job.skipped > 0 ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={job.dryRun ? t('job.dryRunDone') : t('job.done')}
        description={job.skipped > 0 ? t(`summary.${mode}.skippedHint`) : t(`summary.${mode}.allGood`)}
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'total', label: t('summary.total'), children: t('summary.rows', { count: job.total }) },
          {
            key: 'created',
            label: t(`summary.${mode}.created`),
            children: t('summary.rows', { count: job.created }),
          },
          {
            key: 'updated',
            label: t(`summary.${mode}.updated`),
            children: t('summary.rows', { count: job.updated }),
          },
          {
            key: 'unchanged',
            label: t('summary.unchanged'),
            children: t('summary.rows', { count: job.unchanged }),
          },
          {
            key: 'skipped',
            label: t(`summary.${mode}.skipped`),
            children: t('summary.rows', { count: job.skipped }),
          },
          {
            key: 'finishedAt',
            label: t('summary.finishedAt'),
            children: formatDateTime(job.finishedAt),
          },
        ]}
      />
    </>
  );
}

function RowErrors({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation('imports');
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
        {t('errors.title', { count: errors.length })}
      </Typography.Title>
      <Table<ImportRowError>
        size="small"
        rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
        dataSource={errors}
        pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        data-testid="import-errors"
        columns={[
          { key: 'row', dataIndex: 'row', title: t('errors.row'), width: 100 },
          { key: 'column', title: t('errors.column'), width: 260, render: (_, e) => e.column ?? '—' },
          { key: 'message', dataIndex: 'message', title: t('errors.message') },
        ]}
      />
    </>
  );
}

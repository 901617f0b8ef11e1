// Event page tab «Итоговая справка» (S0-8): charts of participants, forms, attendance, applications and
// feedback (inline SVG bars), the conclusion editor, DOCX download and saving it into the materials folder.
import { Button, Card, Col, Flex, Input, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventForTab, EventTabMeta } from '../../app/event-tab';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageLoading } from '../../components/PageLoading';
import { BarList } from './Bars';
import {
  percent,
  type ResultGroup,
  reportDocxUrl,
  useReport,
  useSaveConclusion,
  useSaveReportToFolder,
} from './feedback.api';

export const tab: EventTabMeta = {
  key: 'report',
  labelKey: 'feedback:reportTab',
  order: 95,
  roles: ['admin', 'methodologist'],
};

export default function EventTabReport({ event }: { event: EventForTab }) {
  const { t } = useTranslation('feedback');
  const report = useReport(event.id);
  const saveConclusion = useSaveConclusion(event.id);
  const saveToFolder = useSaveReportToFolder(event.id);
  const [text, setText] = useState('');
  useEffect(() => {
    if (report.data) setText(report.data.conclusion);
  }, [report.data]);
  if (report.error) return <ErrorAlert error={report.error} onRetry={() => report.refetch()} />;
  if (!report.data) return <PageLoading />;
  const r = report.data;
  const empty = t('noData');
  const criteriaRows = [...(r.feedback.event ? [r.feedback.event] : []), ...r.feedback.byForm].flatMap(
    (g: ResultGroup) =>
      g.criteria.map((c) => ({ ...c, key: `${g.key}:${c.key}`, group: g.label, responses: g.responses })),
  );
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} justify="flex-end">
        <Button href={reportDocxUrl(event.id)}>{t('docx')}</Button>
        <Button
          type="primary"
          loading={saveToFolder.isPending}
          onClick={() =>
            saveToFolder.mutateAsync().then(() => notifySuccess(t('savedToFolder')), notifyError)
          }
        >
          {t('saveToFolder')}
        </Button>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('participants')}>
            <Typography.Paragraph>{t('total', { count: r.participants.total })}</Typography.Paragraph>
            <Typography.Text strong>{t('byRole')}</Typography.Text>
            <BarList rows={r.participants.byRole} emptyText={empty} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('attendance')}>
            <Space size="large" wrap>
              <Statistic title={t('registered')} value={r.attendance.registered} />
              <Statistic title={t('attended')} value={r.attendance.attended} />
              <Progress
                type="circle"
                size={80}
                percent={r.attendance.rate === null ? 0 : Math.round(r.attendance.rate * 100)}
              />
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('byOrganization')}>
            <BarList rows={r.participants.byOrganization} emptyText={empty} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('byMunicipality')}>
            <BarList rows={r.participants.byMunicipality} emptyText={empty} />
            <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
              {t('byRegion')}
            </Typography.Text>
            <BarList rows={r.participants.byRegion} emptyText={empty} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('byForm')}>
            <BarList rows={r.activitiesByForm} emptyText={empty} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('applications')}>
            <BarList
              rows={[
                { label: t('accepted'), count: r.applications.accepted },
                { label: t('rejected'), count: r.applications.rejected },
                { label: t('other'), count: r.applications.other },
              ]}
              emptyText={empty}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('feedbackByCriterion')}>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={criteriaRows}
          locale={{ emptyText: empty }}
          columns={[
            { title: t('column.group'), dataIndex: 'group' },
            { title: t('criteria'), dataIndex: 'label' },
            {
              title: t('mean'),
              dataIndex: 'mean',
              width: 220,
              render: (m: number | null, row: { max: number }) =>
                m === null ? (
                  '—'
                ) : (
                  <Progress
                    percent={Math.round((m / row.max) * 100)}
                    format={() => m.toFixed(2)}
                    size="small"
                  />
                ),
            },
            { title: t('column.responses'), dataIndex: 'responses', width: 90 },
          ]}
        />
      </Card>
      <Card size="small" title={t('feedbackByActivity')}>
        <Table<ResultGroup>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={r.feedback.byActivity}
          locale={{ emptyText: empty }}
          columns={[
            { title: t('column.group'), dataIndex: 'label' },
            { title: t('column.responses'), dataIndex: 'responses', width: 90 },
            { title: t('column.attendees'), dataIndex: 'attendees', width: 90 },
            {
              title: t('column.rate'),
              dataIndex: 'responseRate',
              width: 130,
              render: (v: number | null) => percent(v),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('conclusion')}>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 4, maxRows: 16 }}
          maxLength={20000}
        />
        <Button
          style={{ marginTop: 8 }}
          loading={saveConclusion.isPending}
          disabled={!event.canManage}
          onClick={() =>
            saveConclusion.mutateAsync(text).then(() => notifySuccess(t('conclusionSaved')), notifyError)
          }
        >
          {t('save')}
        </Button>
      </Card>
    </Flex>
  );
}

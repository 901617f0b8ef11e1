// /e/:id/schedule — the published programme without signing in: a table per day (time, room, item, presenters),
// with PDF and DOCX downloads for signed-in visitors on the event page.
import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { type Activity, type Schedule, timeRange } from './schedule.api';

export function PublicSchedulePage() {
  const { t } = useTranslation('schedule');
  const { id = '' } = useParams();
  const q = useQuery({
    queryKey: ['public-schedule', id],
    queryFn: () => api.get<Schedule>(`/public/events/${id}/schedule`),
    retry: false,
  });
  if (q.isLoading) return <PageLoading />;
  if (q.error instanceof ApiError && q.error.status === 404)
    return <Alert type="info" showIcon title={q.error.message} style={{ margin: 24 }} />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const s = q.data;
  return (
    <div style={{ maxWidth: 1100, width: '100%', minWidth: 0, margin: '0 auto', padding: 16 }}>
      <PageHeader
        title={`${t('tab')}: ${s.event.title}`}
        subtitle={[`${formatDate(s.event.startDate)} — ${formatDate(s.event.endDate)}`, s.event.venue]
          .filter(Boolean)
          .join(', ')}
        back={<Link to={`/e/${id}`}>← {s.event.title}</Link>}
      />
      {s.days
        .filter((d) => d.activities.length > 0)
        .map((d) => (
          <section key={d.date} style={{ marginBottom: 24 }}>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {formatDate(d.date)}
            </Typography.Title>
            <Table<Activity>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.activities}
              columns={[
                { title: t('time'), width: 120, render: (_, a) => timeRange(a) },
                { title: t('room'), dataIndex: 'roomName', width: 180 },
                // S2-4: a research-practice conference labels each talk with its section
                ...(d.activities.some((a) => a.sectionTitle)
                  ? [
                      {
                        title: t('events:iop.section'),
                        width: 200,
                        render: (_: unknown, a: Activity) => a.sectionTitle ?? '',
                      },
                    ]
                  : []),
                {
                  title: t('title'),
                  render: (_, a) => (a.formTitle ? `${a.formTitle}: «${a.title}»` : a.title),
                },
                {
                  title: t('presenters'),
                  render: (_, a) => a.presenters.map((p) => p.fullName).join(', '),
                },
              ]}
            />
          </section>
        ))}
    </div>
  );
}

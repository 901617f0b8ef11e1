// /my-schedule — my registered and presenting activities with cancel, activities open for registration,
// and the personal iCalendar subscription link.
import { Alert, Button, Card, Checkbox, Flex, Input, Pagination, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/useMe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { RegisterButton } from './ActivityCard';
import {
  type MyActivity,
  timeRange,
  useCalendarLink,
  useMySchedule,
  useNewCalendarLink,
  useOpenActivities,
} from './schedule.api';

type ActivityTableProps = {
  items: MyActivity[];
  loading: boolean;
  empty: string;
  /** a «Оставить отзыв» link on the activities the user is registered for (S0-7) */
  feedback?: boolean;
};

function ActivityTable({ items, loading, empty, feedback }: ActivityTableProps) {
  const { t } = useTranslation('schedule');
  return (
    <Table<MyActivity>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: empty }}
      columns={[
        { title: t('day'), dataIndex: 'day', width: 110, render: (d: string) => formatDate(d) },
        { title: t('time'), width: 110, render: (_, a) => timeRange(a) },
        {
          title: t('title'),
          render: (_, a) => (
            <>
              {a.formTitle && <Typography.Text type="secondary">{a.formTitle}: </Typography.Text>}
              {a.formTitle ? `«${a.title}»` : a.title}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {a.presenters.map((p) => p.shortName).join(', ')}
              </Typography.Text>
            </>
          ),
        },
        { title: t('my.event'), dataIndex: 'eventTitle' },
        { title: t('room'), dataIndex: 'roomName' },
        {
          title: t('actions'),
          width: 230,
          render: (_, a) => (
            <Space wrap>
              <RegisterButton activity={a} />
              {feedback && a.myStatus === 'registered' && (
                <Link
                  to={`/events/${a.eventId}/feedback/${a.id}`}
                  aria-label={t('my.feedbackOn', { title: a.title })}
                >
                  {t('my.feedback')}
                </Link>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

function CalendarCard() {
  const { t } = useTranslation('schedule');
  const link = useCalendarLink();
  const renew = useNewCalendarLink();
  return (
    <Card size="small" title={t('my.calendar')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('my.calendarHint')}</Typography.Paragraph>
      <Flex gap={8} wrap>
        {link.data?.url && (
          <Input
            readOnly
            value={link.data.url}
            style={{ maxWidth: 560 }}
            aria-label={t('my.calendar')}
            onFocus={(e) => e.target.select()}
          />
        )}
        {link.data?.url && <Typography.Text copyable={{ text: link.data.url }} />}
        <Button loading={renew.isPending} onClick={() => renew.mutateAsync().catch(notifyError)}>
          {link.data?.url ? t('my.calendarRenew') : t('my.calendarCreate')}
        </Button>
      </Flex>
    </Card>
  );
}

export function MySchedulePage() {
  const { t } = useTranslation('schedule');
  const { me } = useMe();
  const [past, setPast] = useState(false);
  const [page, setPage] = useState(1);
  const mine = useMySchedule(past);
  const open = useOpenActivities(page);
  return (
    <div>
      <PageHeader title={t('my.title')} />
      {me && !me.personId && (
        <Alert type="warning" showIcon title={t('noPerson')} style={{ marginBottom: 16 }} />
      )}
      <CalendarCard />
      <Tabs
        items={[
          {
            key: 'mine',
            label: t('my.mine'),
            children: (
              <>
                <Space style={{ marginBottom: 8 }}>
                  <Checkbox checked={past} onChange={(e) => setPast(e.target.checked)}>
                    {t('my.past')}
                  </Checkbox>
                </Space>
                <ErrorAlert error={mine.error} onRetry={() => mine.refetch()} />
                <ActivityTable
                  items={mine.data?.items ?? []}
                  loading={mine.isLoading}
                  empty={t('my.empty')}
                  feedback
                />
              </>
            ),
          },
          {
            key: 'open',
            label: t('my.open'),
            children: (
              <>
                <ErrorAlert error={open.error} onRetry={() => open.refetch()} />
                <ActivityTable
                  items={open.data?.items ?? []}
                  loading={open.isLoading}
                  empty={t('my.noOpen')}
                />
                {(open.data?.total ?? 0) > 50 && (
                  <Pagination
                    style={{ marginTop: 12 }}
                    current={page}
                    pageSize={50}
                    total={open.data?.total}
                    onChange={setPage}
                    showSizeChanger={false}
                  />
                )}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}

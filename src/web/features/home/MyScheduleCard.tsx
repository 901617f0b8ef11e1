// «Мои ближайшие занятия»: the next five activities from GET /api/me/schedule with the user's status in each.
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format';
import { timeRange, useMySchedule } from '../schedule/schedule.api';
import { DashboardCard, RowItem, Rows } from './DashboardCard';

const STATUS_COLORS = { presenter: 'purple', registered: 'green', waitlisted: 'orange' } as const;

export function MyScheduleCard() {
  const { t } = useTranslation('home');
  const q = useMySchedule(false);
  const items = (q.data?.items ?? []).slice(0, 5);
  return (
    <DashboardCard
      title={t('schedule.title')}
      extra={<Link to="/my-schedule">{t('schedule.all')}</Link>}
      loading={q.isLoading}
      error={q.error}
      onRetry={() => void q.refetch()}
      empty={items.length === 0}
      emptyText={t('schedule.empty')}
    >
      <Rows>
        {items.map((a) => (
          <RowItem key={a.id}>
            <Flex gap={12} align="baseline" wrap>
              <div style={{ width: 96, flex: 'none' }}>
                <div>{formatDate(a.day)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {timeRange(a)}
                </Typography.Text>
              </div>
              <div style={{ minWidth: 0, flex: '1 1 160px' }}>
                <div>{a.formTitle ? `${a.formTitle}: «${a.title}»` : a.title}</div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  <Link to={`/events/${a.eventId}`}>{a.eventTitle}</Link>
                  {a.roomName ? ` · ${a.roomName}` : ''}
                </Typography.Text>
              </div>
              {a.myStatus ? (
                <Tag color={STATUS_COLORS[a.myStatus]} style={{ marginInlineEnd: 0 }}>
                  {t(`schedule.status.${a.myStatus}`)}
                </Tag>
              ) : null}
            </Flex>
          </RowItem>
        ))}
      </Rows>
    </DashboardCard>
  );
}

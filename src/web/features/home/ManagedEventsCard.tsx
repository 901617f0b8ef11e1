// «Мероприятия»: upcoming and ongoing events the user manages, with their status.
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format';
import { StatusTag } from '../events/StatusTag';
import { DashboardCard, RowItem, Rows } from './DashboardCard';
import { useManagedEvents } from './home.api';

export function ManagedEventsCard() {
  const { t } = useTranslation('home');
  const q = useManagedEvents();
  return (
    <DashboardCard
      title={t('events.title')}
      extra={<Link to="/events">{t('events.all')}</Link>}
      loading={q.loading}
      error={q.error}
      onRetry={() => void q.refetch()}
      empty={q.items.length === 0}
      emptyText={t('events.empty')}
      emptyAction={<Link to="/events">{t('events.create')}</Link>}
    >
      <Rows>
        {q.items.map((e) => (
          <RowItem key={e.id}>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <div style={{ minWidth: 0, flex: '1 1 180px' }}>
                <Link to={`/events/${e.id}`} style={{ fontWeight: 500 }}>
                  {e.title}
                </Link>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {formatDate(e.startDate)}
                  {e.endDate !== e.startDate ? ` — ${formatDate(e.endDate)}` : ''} · {e.hostOrganizationName}
                </Typography.Text>
              </div>
              <StatusTag status={e.status} />
            </Flex>
          </RowItem>
        ))}
      </Rows>
    </DashboardCard>
  );
}

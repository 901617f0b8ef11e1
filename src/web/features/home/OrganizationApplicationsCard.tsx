// «Заявки педагогов организации» (S0-4): for the head, per event — how many of the organisation's applications are
// in each status; the event link opens its applications.
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { APPLICATION_STATUSES } from '../events/events.api';
import { ApplicationStatusTag } from '../events/StatusTag';
import { DashboardCard, RowItem, Rows } from './DashboardCard';
import { useOrganizationSummary } from './home.api';

export function OrganizationApplicationsCard() {
  const { t } = useTranslation('home');
  const q = useOrganizationSummary();
  const items = (q.data?.items ?? []).slice(0, 6);
  const orgs = new Set(items.map((g) => g.organization.id));
  return (
    <DashboardCard
      title={t('org.title')}
      loading={q.isLoading}
      error={q.error}
      onRetry={() => void q.refetch()}
      empty={items.length === 0}
      emptyText={t('org.empty')}
    >
      <Rows>
        {items.map((g) => (
          <RowItem key={`${g.organization.id}:${g.event.id}`}>
            <Link to={`/events/${g.event.id}?tab=applications`} style={{ fontWeight: 500 }}>
              {g.event.title}
            </Link>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
              {orgs.size > 1 ? `${g.organization.name} · ` : ''}
              {t('org.total', { count: g.total })}
            </Typography.Text>
            <Flex gap={4} wrap style={{ marginTop: 4 }}>
              {APPLICATION_STATUSES.filter((s) => g.counts[s]).map((s) => (
                <span key={s}>
                  <ApplicationStatusTag status={s} />
                  <Typography.Text strong style={{ marginInlineEnd: 8 }}>
                    {g.counts[s]}
                  </Typography.Text>
                </span>
              ))}
            </Flex>
          </RowItem>
        ))}
      </Rows>
    </DashboardCard>
  );
}

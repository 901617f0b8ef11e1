// «Приём заявок открыт»: events whose call for applications is open today, with «Подать заявку».
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format';
import { DashboardCard, RowItem, Rows } from './DashboardCard';
import { useOpenCalls } from './home.api';

/** `canApply`: the user has a person record; `explainNoPerson`: say why there is no button (a teacher without one). */
export function OpenCallsCard({
  canApply,
  explainNoPerson,
}: {
  canApply: boolean;
  explainNoPerson: boolean;
}) {
  const { t } = useTranslation('home');
  const calls = useOpenCalls();
  return (
    <DashboardCard
      title={t('calls.title')}
      extra={<Link to="/events">{t('calls.all')}</Link>}
      loading={calls.loading}
      error={calls.error}
      onRetry={calls.refetch}
      empty={calls.items.length === 0}
      emptyText={t('calls.empty')}
    >
      {!canApply && explainNoPerson && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('calls.noPerson')}
        </Typography.Paragraph>
      )}
      <Rows>
        {calls.items.map((e) => (
          <RowItem key={e.id}>
            <Flex justify="space-between" align="center" gap={12} wrap>
              <div style={{ minWidth: 0, flex: '1 1 200px' }}>
                <Link to={`/events/${e.id}`} style={{ fontWeight: 500 }}>
                  {e.title}
                </Link>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {t('calls.dates', { from: formatDate(e.startDate), to: formatDate(e.endDate) })}
                  {e.applicationsOpenUntil ? (
                    <>
                      {' · '}
                      <Typography.Text strong>
                        {t('calls.until', { date: formatDate(e.applicationsOpenUntil) })}
                      </Typography.Text>
                    </>
                  ) : null}
                </Typography.Text>
              </div>
              {canApply && (
                <Link to={`/events/${e.id}/apply`} aria-label={t('calls.applyTo', { title: e.title })}>
                  <Button type="primary" tabIndex={-1}>
                    {t('calls.apply')}
                  </Button>
                </Link>
              )}
            </Flex>
          </RowItem>
        ))}
      </Rows>
    </DashboardCard>
  );
}

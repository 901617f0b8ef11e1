// «Ждут рассмотрения»: submitted applications across the events the user manages, counted per event, each linking
// to the event's applications tab.
import { Badge, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format';
import { DashboardCard, RowItem, Rows } from './DashboardCard';
import { useAwaitingReview } from './home.api';

export function AwaitingReviewCard() {
  const { t } = useTranslation('home');
  const q = useAwaitingReview();
  const byEvent = q.data?.byEvent ?? [];
  return (
    <DashboardCard
      title={t('review.title')}
      loading={q.isLoading}
      error={q.error}
      onRetry={() => void q.refetch()}
      empty={byEvent.length === 0}
      emptyText={t('review.empty')}
    >
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {t('review.total', { count: q.data?.total ?? 0 })}
      </Typography.Paragraph>
      <Rows>
        {byEvent.map((e) => (
          <RowItem key={e.eventId}>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <div style={{ minWidth: 0, flex: '1 1 180px' }}>
                <Link
                  to={`/events/${e.eventId}?tab=applications`}
                  aria-label={t('review.open', { title: e.eventTitle })}
                  style={{ fontWeight: 500 }}
                >
                  {e.eventTitle}
                </Link>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {formatDate(e.startDate)}
                </Typography.Text>
              </div>
              <Badge count={t('review.count', { count: e.count })} color="blue" style={{ fontWeight: 500 }} />
            </Flex>
          </RowItem>
        ))}
      </Rows>
    </DashboardCard>
  );
}

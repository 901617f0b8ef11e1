// «Мои заявки»: the user's latest applications with their status; the ones returned for changes come first and
// stand out, since they need the teacher's action.
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format';
import type { Application } from '../events/events.api';
import { ApplicationStatusTag } from '../events/StatusTag';
import { DashboardCard, RowItem, Rows } from './DashboardCard';
import { useMyApplications } from './home.api';

const RANK: Record<string, number> = { changes_requested: 0, draft: 1 };
const rank = (a: Application) => RANK[a.status] ?? 2;

export function MyApplicationsCard() {
  const { t } = useTranslation('home');
  const q = useMyApplications(6);
  const items = [...(q.data?.items ?? [])].sort((a, b) => rank(a) - rank(b));
  const more = (q.data?.total ?? 0) - items.length;
  return (
    <DashboardCard
      title={t('mine.title')}
      loading={q.isLoading}
      error={q.error}
      onRetry={() => void q.refetch()}
      empty={items.length === 0}
      emptyText={t('mine.empty')}
    >
      <Rows>
        {items.map((a) => {
          const action = a.status === 'changes_requested';
          return (
            <RowItem key={a.id} highlight={action}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <div style={{ minWidth: 0, flex: '1 1 180px' }}>
                  <Link to={`/applications/${a.id}`} style={{ fontWeight: 500 }}>
                    {a.topic}
                  </Link>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {a.eventTitle} · {a.form.title}
                    {a.submittedAt ? ` · ${t('mine.submitted', { date: formatDate(a.submittedAt) })}` : ''}
                  </Typography.Text>
                  {action && (
                    <Typography.Text type="warning" strong style={{ fontSize: 13 }}>
                      {t('mine.needsAction')}
                    </Typography.Text>
                  )}
                  {a.status === 'draft' && (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t('mine.draftHint')}
                    </Typography.Text>
                  )}
                </div>
                <ApplicationStatusTag status={a.status} />
              </Flex>
            </RowItem>
          );
        })}
      </Rows>
      {more > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('mine.more', { count: more })}
        </Typography.Paragraph>
      )}
    </DashboardCard>
  );
}

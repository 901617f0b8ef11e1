// /people/:id/portfolio — the person's evidence from events, newest first (S0-14).
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { type PortfolioItem, usePortfolio } from './portfolio.api';

const ROLE_COLORS = { presenter: 'blue', listener: 'default', staff: 'purple' } as const;

export function PortfolioPage() {
  const { t } = useTranslation('portfolio');
  const { id = '' } = useParams();
  const portfolio = usePortfolio(id);
  if (portfolio.error) return <ErrorAlert error={portfolio.error} onRetry={() => portfolio.refetch()} />;
  const data = portfolio.data;
  return (
    <>
      <PageHeader
        title={data ? `${t('title')}: ${data.person.fullName}` : t('title')}
        subtitle={data ? `${t('subtitle')}. ${t('total', { count: data.total })}` : t('subtitle')}
        back={<Link to={`/people/${id}`}>{t('back')}</Link>}
      />
      <Table<PortfolioItem>
        rowKey={(r) => `${r.role}:${r.eventId}:${r.activityId ?? ''}`}
        size="small"
        loading={portfolio.isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('column.date'), dataIndex: 'date', width: 110, render: (d: string) => formatDate(d) },
          {
            title: t('column.event'),
            dataIndex: 'title',
            render: (_: string, r) => (
              <>
                <Link to={r.link}>{r.title}</Link>
                {r.activityTitle && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {r.activityTitle}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('column.role'),
            dataIndex: 'role',
            width: 170,
            render: (role: PortfolioItem['role'], r) => (
              <>
                <Tag color={ROLE_COLORS[role]}>{t(`role.${role}`)}</Tag>
                {!r.confirmed && <Tag>{t('unconfirmed')}</Tag>}
              </>
            ),
          },
          { title: t('column.form'), dataIndex: 'form', width: 160, render: (v: string | null) => v ?? '—' },
          { title: t('column.topic'), dataIndex: 'topic', render: (v: string | null) => v ?? '—' },
          {
            title: t('column.certificate'),
            dataIndex: 'certificateNumber',
            width: 130,
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </>
  );
}

// /people/:id/portfolio — the person's evidence from events, newest first (S0-14).
import { FilePdfOutlined } from '@ant-design/icons';
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../app/useMe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useListParams } from '../../components/useListParams';
import { certificatePdfUrl, type PortfolioItem, usePortfolio } from './portfolio.api';

const ROLE_COLORS = { presenter: 'blue', listener: 'default', staff: 'purple' } as const;

/** The portfolio of the person in the URL, or of `personId` (the signed-in person's own, at /portfolio). */
export function PortfolioPage({ personId }: { personId?: string } = {}) {
  const { t } = useTranslation('portfolio');
  const params = useParams();
  const id = personId ?? params.id ?? '';
  const list = useListParams({ pageSize: 50 });
  const portfolio = usePortfolio(id, list.query);
  const me = useMe();
  const own = me.me?.personId === id;
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
        {...list.table(data?.total)}
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
            width: 150,
            render: (v: string | null, r) =>
              v && r.certificateCode ? (
                <Space size={6}>
                  <a
                    href={`/verify/${r.certificateCode}`}
                    target="_blank"
                    rel="noreferrer"
                    title={t('verifyHint')}
                  >
                    {v}
                  </a>
                  {own && r.certificateId && (
                    <a href={certificatePdfUrl(r.certificateId)} aria-label={t('downloadPdf', { number: v })}>
                      <FilePdfOutlined aria-hidden />
                    </a>
                  )}
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}

// /e/:id — the public event page (no sign-in): the call's conditions, procedure and window, dates, venue, host.
import { Alert, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { usePublicEvent } from './events.api';

export function PublicEventPage() {
  const { id } = useParams();
  const { t } = useTranslation('events');
  const ev = usePublicEvent(id);
  if (ev.isLoading) return <PageLoading />;
  if (!ev.data) return <ErrorAlert error={ev.error ?? new Error(t('public.notFound'))} />;
  const e = ev.data;
  const text = (v: string | null) => (
    <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>{v ?? '—'}</Typography.Paragraph>
  );
  return (
    <div style={{ maxWidth: 860, width: '100%', minWidth: 0, margin: '0 auto' }}>
      <PageHeader
        title={e.title}
        subtitle={`${t(`kind.${e.kind}`)} · ${formatDate(e.startDate)}${e.endDate !== e.startDate ? ` — ${formatDate(e.endDate)}` : ''}`}
      />
      {e.applicationsOpenFrom ? (
        <Alert
          type={e.applicationsOpen ? 'success' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <>
              <Tag color={e.applicationsOpen ? 'green' : 'default'}>
                {e.applicationsOpen ? t('public.open') : t('public.closed')}
              </Tag>
              {t(
                e.applicationsOpenUntil && e.applicationsOpenUntil < new Date().toISOString().slice(0, 10)
                  ? 'public.windowPast'
                  : 'public.window',
                {
                  from: formatDate(e.applicationsOpenFrom),
                  until: formatDate(e.applicationsOpenUntil),
                },
              )}
            </>
          }
          description={
            e.applicationsOpen ? (
              <Space wrap style={{ marginTop: 8 }}>
                <Link to={`/events/${e.id}/apply`}>
                  <Button type="primary">{t('apps.apply')}</Button>
                </Link>
                <Link to={`/e/${e.id}/register`}>
                  <Button>{t('guest.register')}</Button>
                </Link>
              </Space>
            ) : undefined
          }
        />
      ) : null}
      {e.schedulePublished ? (
        <Typography.Paragraph>
          <Link to={`/e/${e.id}/schedule`}>{t('public.schedule')}</Link>
        </Typography.Paragraph>
      ) : null}
      <Descriptions column={1} bordered size="small">
        {e.theme ? <Descriptions.Item label={t('field.theme')}>{e.theme}</Descriptions.Item> : null}
        {e.description ? (
          <Descriptions.Item label={t('field.description')}>{text(e.description)}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('public.host')}>
          {e.hostOrganizationName}
          {e.hostOrganizationAddress ? `, ${e.hostOrganizationAddress}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.venue')}>{e.venue ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.conditions')}>{text(e.conditions)}</Descriptions.Item>
        <Descriptions.Item label={t('field.procedure')}>{text(e.procedure)}</Descriptions.Item>
        {e.sections.length ? (
          <Descriptions.Item label={t('public.sections')}>
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {e.sections.map((x) => (
                <li key={x.title}>
                  {x.title}
                  {x.subject ? <Typography.Text type="secondary"> — {x.subject}</Typography.Text> : null}
                </li>
              ))}
            </ul>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </div>
  );
}

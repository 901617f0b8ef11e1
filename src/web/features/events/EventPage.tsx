// /events/:id — the event page: header with status and actions, date approvals, opening the call, and tabs
// collected from every feature's EventTab*.tsx (src/web/app/event-tab.ts) — ours are «О мероприятии» and «Заявки».
import { Button, Card, Descriptions, Flex, Form, Input, Modal, Space, Tabs, Typography } from 'antd';
import type { ComponentType } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { EventForTab, EventTabMeta } from '../../app/event-tab';
import { useMe } from '../../app/useMe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { confirmAction, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { EventForm } from './EventForm';
import { type Approval, type EventDetail, type EventInput, useAction, useEvent } from './events.api';
import { PublishCallForm } from './PublishCallForm';
import { StatusTag } from './StatusTag';

type TabModule = { default: ComponentType<{ event: EventForTab }>; tab: EventTabMeta };
const tabModules = import.meta.glob<TabModule>('../*/EventTab*.tsx', { eager: true });

const BODIES: Approval['body'][] = ['education_committee', 'methodological_centre'];

export function EventPage() {
  const { id } = useParams();
  // ?tab=applications opens that tab (links from the home dashboard)
  const [searchParams] = useSearchParams();
  const { t } = useTranslation('events');
  const { roles, me } = useMe();
  const ev = useEvent(id);
  const [editing, setEditing] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [approving, setApproving] = useState<Approval['body'] | null>(null);
  const refresh = ['event', 'events'];
  const update = useAction(
    (body: Partial<EventInput> | { status: string }) => api.patch<EventDetail>(`/events/${id}`, body),
    refresh,
  );
  const approve = useAction(
    (body: { body: Approval['body']; decision: 'approved' | 'rejected'; comment?: string }) =>
      api.post<EventDetail>(`/events/${id}/approve`, body),
    refresh,
  );
  const [approveForm] = Form.useForm<{ comment?: string }>();

  if (ev.isLoading) return <PageLoading />;
  if (ev.error || !ev.data) return <ErrorAlert error={ev.error ?? new Error(t('page.notFound'))} />;
  const e = ev.data;
  const tabs = Object.values(tabModules)
    .filter(
      (m) =>
        m.tab &&
        m.default &&
        (!m.tab.roles || m.tab.roles.some((r) => roles.includes(r))) &&
        (!m.tab.kinds || m.tab.kinds.includes(e.kind)),
    )
    .sort((a, b) => a.tab.order - b.tab.order);
  const forTab: EventForTab = {
    id: e.id,
    kind: e.kind,
    title: e.title,
    status: e.status,
    startDate: e.startDate,
    endDate: e.endDate,
    hostOrganizationId: e.hostOrganizationId,
    canManage: e.canManage,
  };
  const approvalOf = (body: Approval['body']) => e.approvals.find((a) => a.body === body);
  const setStatus = (status: string, title: string) =>
    confirmAction({
      title,
      okText: title,
      danger: status === 'cancelled',
      onConfirm: () => update.mutateAsync({ status }),
    });

  return (
    <>
      <PageHeader
        back={<Link to="/events">{t('page.back')}</Link>}
        title={e.title}
        subtitle={
          <Space wrap>
            <StatusTag status={e.status} />
            <span>{t(`kind.${e.kind}`)}</span>
            <span>
              {formatDate(e.startDate)}
              {e.endDate !== e.startDate ? ` — ${formatDate(e.endDate)}` : ''} (
              {t('days', { count: e.durationDays })})
            </span>
            <span>{e.hostOrganizationName}</span>
          </Space>
        }
        extra={
          <>
            {['call_open', 'call_closed', 'completed'].includes(e.status) ? (
              <Link to={`/e/${e.id}`}>{t('page.publicPage')}</Link>
            ) : null}
            {e.status === 'call_open' && e.applicationsOpen && me?.personId ? (
              <Link to={`/events/${e.id}/apply`}>
                <Button type="primary">{t('apps.apply')}</Button>
              </Link>
            ) : null}
            {e.canManage && e.status !== 'cancelled' && e.status !== 'completed' ? (
              <Button onClick={() => setEditing(true)}>{t('page.edit')}</Button>
            ) : null}
            {e.canManage && (e.status === 'approved' || e.status === 'call_open') ? (
              <Button
                type={e.status === 'approved' ? 'primary' : 'default'}
                onClick={() => setPublishing(true)}
              >
                {e.status === 'approved' ? t('page.publishCall') : t('page.editCall')}
              </Button>
            ) : null}
            {e.canManage && e.status === 'call_open' ? (
              <Button onClick={() => setStatus('call_closed', t('page.closeCall'))}>
                {t('page.closeCall')}
              </Button>
            ) : null}
            {e.canManage && ['approved', 'call_open', 'call_closed'].includes(e.status) ? (
              <Button onClick={() => setStatus('completed', t('page.complete'))}>{t('page.complete')}</Button>
            ) : null}
            {e.canManage && e.status !== 'cancelled' && e.status !== 'completed' ? (
              <Button danger onClick={() => setStatus('cancelled', t('page.cancelConfirm'))}>
                {t('page.cancelEvent')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card title={t('page.approvals')} size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={1} size="small">
          {BODIES.map((body) => {
            const a = approvalOf(body);
            return (
              <Descriptions.Item key={body} label={t(`body.${body}`)}>
                <Flex gap={12} wrap align="center">
                  <span>
                    {a
                      ? t('page.approvedBy', {
                          decision: t(`decision.${a.decision}`),
                          name: a.approvedByName,
                          at: formatDateTime(a.at),
                        })
                      : t('page.notYet')}
                    {a?.comment ? <Typography.Text type="secondary"> — «{a.comment}»</Typography.Text> : null}
                  </span>
                  {e.canManage && e.status === 'draft' ? (
                    <Button size="small" onClick={() => setApproving(body)}>
                      {t('page.approve')}
                    </Button>
                  ) : null}
                </Flex>
              </Descriptions.Item>
            );
          })}
        </Descriptions>
      </Card>
      <Tabs
        defaultActiveKey={searchParams.get('tab') ?? undefined}
        items={tabs.map((m) => {
          const Tab = m.default;
          return { key: m.tab.key, label: t(m.tab.labelKey), children: <Tab event={forTab} /> };
        })}
      />
      <Modal
        open={editing}
        title={t('form.editTitle')}
        onCancel={() => setEditing(false)}
        footer={null}
        width={760}
        destroyOnHidden
      >
        <EventForm
          event={e}
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await update.mutateAsync(body);
            setEditing(false);
            notifySuccess(t('form.saved'));
          }}
        />
      </Modal>
      <Modal
        open={publishing}
        title={t('page.publishTitle')}
        onCancel={() => setPublishing(false)}
        footer={null}
        width={760}
        destroyOnHidden
      >
        <PublishCallForm event={e} onDone={() => setPublishing(false)} />
      </Modal>
      <Modal
        open={approving !== null}
        title={approving ? t('page.approveTitle', { body: t(`body.${approving}`) }) : ''}
        onCancel={() => setApproving(null)}
        destroyOnHidden
        footer={
          <Flex gap={8} justify="end" wrap>
            <Button onClick={() => setApproving(null)}>{t('form.cancel')}</Button>
            {(['rejected', 'approved'] as const).map((decision) => (
              <Button
                key={decision}
                type={decision === 'approved' ? 'primary' : 'default'}
                danger={decision === 'rejected'}
                loading={approve.isPending}
                onClick={async () => {
                  await approve.mutateAsync({
                    body: approving!,
                    decision,
                    comment: approveForm.getFieldValue('comment'),
                  });
                  setApproving(null);
                }}
              >
                {decision === 'approved' ? t('page.approve') : t('page.reject')}
              </Button>
            ))}
          </Flex>
        }
      >
        <ErrorAlert error={approve.error} />
        <Form form={approveForm} layout="vertical" preserve={false}>
          <Form.Item name="comment" label={t('page.comment')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

// Event page tab «Сертификаты»: the registry with issue (to all who attended or to selected people),
// name correction, revoke with a reason, reissue, downloads (one, all as PDF, ZIP) and e-mailing with progress.
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventForTab, EventTabMeta } from '../../app/event-tab';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { formatDate } from '../../components/format';
import { confirmAction, notifyError, notifySuccess } from '../../components/notify';
import { useDebounced } from '../../components/useDebounced';
import { useListParams } from '../../components/useListParams';
import {
  type Certificate,
  type CertificateRole,
  certificatePdfUrl,
  eventPdfUrl,
  eventZipUrl,
  searchPeople,
  useCertificates,
  useIssueCertificates,
  useReissueCertificate,
  useRenameCertificate,
  useRevokeCertificate,
  useSendCertificates,
  useSendStatus,
} from './certificates.api';

export const tab: EventTabMeta = {
  key: 'certificates',
  labelKey: 'certificates:tab',
  order: 80,
  roles: ['admin', 'methodologist'],
};

const ROLES: CertificateRole[] = ['presenter', 'listener', 'staff', 'organizer'];

export default function EventTabCertificates({ event }: { event: EventForTab }) {
  const { t } = useTranslation('certificates');
  if (!event.canManage) return <Typography.Text type="secondary">{t('noAccess')}</Typography.Text>;
  return <CertificateRegistry event={event} />;
}

function CertificateRegistry({ event }: { event: EventForTab }) {
  const { t } = useTranslation('certificates');
  const list = useListParams({ pageSize: 50, sort: 'number' });
  const certificates = useCertificates(event.id, list.query);
  const issue = useIssueCertificates(event.id);
  const reissue = useReissueCertificate(event.id);
  const [selecting, setSelecting] = useState(false);
  const [renaming, setRenaming] = useState<Certificate | null>(null);
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const table = list.table(certificates.data?.total);

  const issued = (r: { issued: number }) =>
    r.issued ? notifySuccess(t('issued', { count: r.issued })) : notifySuccess(t('nothingNew'));

  const askReissue = (c: Certificate) =>
    void confirmAction({
      title: t('reissueTitle', { number: c.number }),
      content: t('reissueContent'),
      okText: t('reissue'),
      onConfirm: async () => {
        const n = await reissue.mutateAsync(c.id);
        notifySuccess(t('reissued', { number: n.number }));
      },
    });

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} justify="space-between">
        <Space wrap>
          <Button
            type="primary"
            loading={issue.isPending}
            onClick={() => issue.mutateAsync({ to: 'attended' }).then(issued, notifyError)}
          >
            {t('issueAttended')}
          </Button>
          <Button onClick={() => setSelecting(true)}>{t('issueSelected')}</Button>
        </Space>
        <Space wrap>
          <Button href={eventPdfUrl(event.id)}>{t('downloadPdf')}</Button>
          <Button href={eventZipUrl(event.id)}>{t('downloadZip')}</Button>
          <ExportButton path={`/events/${event.id}/certificates/export.xlsx`} query={list.query} />
          <SendButton eventId={event.id} />
        </Space>
      </Flex>
      <Flex wrap gap={8}>
        <Input.Search
          allowClear
          style={{ maxWidth: 280 }}
          placeholder={t('filter.search')}
          aria-label={t('filter.search')}
          defaultValue={list.get('q')}
          onSearch={(v) => list.set('q', v)}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('filter.role')}
          aria-label={t('filter.role')}
          value={list.get('role')}
          onChange={(v) => list.set('role', v)}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('filter.status')}
          aria-label={t('filter.status')}
          value={list.get('status')}
          onChange={(v) => list.set('status', v)}
          options={(['valid', 'revoked'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </Flex>
      <ErrorAlert error={certificates.error} onRetry={() => void certificates.refetch()} />
      <Table<Certificate>
        rowKey="id"
        size="small"
        dataSource={certificates.data?.items ?? []}
        loading={certificates.isFetching}
        onChange={table.onChange}
        pagination={table.pagination}
        locale={{ emptyText: t('empty') }}
        columns={[
          {
            key: 'number',
            dataIndex: 'number',
            title: t('column.number'),
            width: 130,
            sorter: true,
            sortOrder: list.sortOrder('number'),
          },
          {
            key: 'holder',
            title: t('column.holder'),
            sorter: true,
            sortOrder: list.sortOrder('holder'),
            render: (_, c) => (
              <Flex vertical>
                <span>{c.holderName}</span>
                <Typography.Text type="secondary">{c.holderNameDative}</Typography.Text>
              </Flex>
            ),
          },
          { key: 'role', title: t('column.role'), width: 130, render: (_, c) => t(`role.${c.role}`) },
          { key: 'text', title: t('column.text'), render: (_, c) => c.roleText, ellipsis: true },
          {
            key: 'status',
            title: t('column.status'),
            width: 150,
            render: (_, c) =>
              c.status === 'valid' ? (
                <Tag color="green">{t('status.valid')}</Tag>
              ) : (
                <Tag color="red" title={c.revokedReason ?? undefined}>
                  {t('status.revoked')} {formatDate(c.revokedAt)}
                </Tag>
              ),
          },
          {
            key: 'actions',
            title: t('column.actions'),
            width: 330,
            render: (_, c) => (
              <Space size={4} wrap>
                <Button
                  size="small"
                  href={certificatePdfUrl(c.id)}
                  aria-label={`${t('download')} ${c.number}`}
                >
                  {t('download')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  href={`/verify/${c.code}`}
                  target="_blank"
                  aria-label={`${t('verifyLink')} ${c.number}`}
                >
                  {t('verifyLink')}
                </Button>
                {c.status === 'valid' && (
                  <>
                    <Button size="small" onClick={() => setRenaming(c)}>
                      {t('rename')}
                    </Button>
                    <Button size="small" onClick={() => askReissue(c)}>
                      {t('reissue')}
                    </Button>
                    <Button size="small" danger onClick={() => setRevoking(c)}>
                      {t('revoke')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      <IssueSelectedModal
        open={selecting}
        onClose={() => setSelecting(false)}
        onIssue={async (personIds, role) => {
          const r = await issue.mutateAsync({ to: { personIds }, role });
          issued(r);
          setSelecting(false);
        }}
      />
      <RenameModal eventId={event.id} certificate={renaming} onClose={() => setRenaming(null)} />
      <RevokeModal eventId={event.id} certificate={revoking} onClose={() => setRevoking(null)} />
    </Flex>
  );
}

function IssueSelectedModal(props: {
  open: boolean;
  onClose: () => void;
  onIssue: (personIds: string[], role?: CertificateRole) => Promise<void>;
}) {
  const { t } = useTranslation('certificates');
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  const [ids, setIds] = useState<string[]>([]);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [role, setRole] = useState<CertificateRole | undefined>();
  const [busy, setBusy] = useState(false);
  const found = useQuery({
    queryKey: ['certificates', 'people', q],
    queryFn: () => searchPeople(q),
    enabled: props.open,
  });
  const options = [
    ...ids
      .filter((id) => !(found.data ?? []).some((o) => o.value === id))
      .map((id) => ({ value: id, label: labels[id] ?? id })),
    ...(found.data ?? []),
  ];
  return (
    <Modal
      open={props.open}
      title={t('issueTitle')}
      okText={t('issue')}
      okButtonProps={{ disabled: ids.length === 0, loading: busy }}
      onCancel={props.onClose}
      onOk={async () => {
        setBusy(true);
        try {
          await props.onIssue(ids, role);
          setIds([]);
        } catch (e) {
          notifyError(e);
        } finally {
          setBusy(false);
        }
      }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('people')} htmlFor="certificate-people">
          <Select
            id="certificate-people"
            mode="multiple"
            value={ids}
            placeholder={t('peoplePlaceholder')}
            showSearch={{ filterOption: false, onSearch: setText }}
            loading={found.isFetching}
            options={options}
            onChange={(v, opts) => {
              setIds(v);
              const next = { ...labels };
              for (const o of (Array.isArray(opts) ? opts : [opts]) as Array<{
                value: string;
                label: string;
              }>) {
                if (o?.value) next[o.value] = o.label;
              }
              setLabels(next);
            }}
          />
        </Form.Item>
        <Form.Item label={t('roleOptional')} htmlFor="certificate-role">
          <Select
            id="certificate-role"
            allowClear
            value={role}
            onChange={setRole}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RenameModal({
  eventId,
  certificate,
  onClose,
}: {
  eventId: string;
  certificate: Certificate | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('certificates');
  const rename = useRenameCertificate(eventId);
  const [form] = Form.useForm<{ holderNameDative: string }>();
  return (
    <Modal
      open={!!certificate}
      title={t('renameTitle')}
      okText={t('save')}
      okButtonProps={{ loading: rename.isPending }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {certificate && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ holderNameDative: certificate.holderNameDative }}
          onFinish={async (v) => {
            try {
              await rename.mutateAsync({ id: certificate.id, holderNameDative: v.holderNameDative });
              notifySuccess(t('renamed'));
              onClose();
            } catch (e) {
              notifyError(e);
            }
          }}
        >
          <Form.Item
            name="holderNameDative"
            label={certificate.holderName}
            rules={[{ required: true, min: 2 }]}
          >
            <Input autoFocus />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** The confirmation of a revocation, asking its reason. */
function RevokeModal({
  eventId,
  certificate,
  onClose,
}: {
  eventId: string;
  certificate: Certificate | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('certificates');
  const revoke = useRevokeCertificate(eventId);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={!!certificate}
      title={certificate ? t('revokeTitle', { number: certificate.number }) : ''}
      okText={t('revoke')}
      okButtonProps={{ danger: true, loading: revoke.isPending }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {certificate && (
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            try {
              await revoke.mutateAsync({ id: certificate.id, reason: v.reason });
              notifySuccess(t('revoked'));
              onClose();
            } catch (e) {
              notifyError(e);
            }
          }}
        >
          <Form.Item
            name="reason"
            label={t('revokeReason')}
            rules={[{ required: true, whitespace: true, message: t('revokeReasonRequired') }]}
          >
            <Input.TextArea autoFocus rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function SendButton({ eventId }: { eventId: string }) {
  const { t } = useTranslation('certificates');
  const status = useSendStatus(eventId);
  const send = useSendCertificates(eventId);
  const s = status.data;
  const active = s?.status === 'queued' || s?.status === 'running';
  return (
    <Flex vertical gap={4}>
      <Button
        loading={send.isPending || active}
        onClick={() =>
          void confirmAction({
            title: t('sendConfirm'),
            okText: t('send'),
            onConfirm: () => send.mutateAsync(),
          })
        }
      >
        {t('send')}
      </Button>
      {s && s.status !== 'idle' && (
        <div role="status" style={{ minWidth: 220 }}>
          <Typography.Text type={s.status === 'failed' ? 'danger' : 'secondary'}>
            {t(`sendStatus.${s.status}`, { ...s, message: s.message ?? '' })}
            {s.status === 'done' && s.message ? ` ${s.message}` : null}
          </Typography.Text>
          {active && s.total > 0 && (
            <Progress percent={Math.round(((s.sent + s.skipped + s.failed) / s.total) * 100)} size="small" />
          )}
        </div>
      )}
    </Flex>
  );
}

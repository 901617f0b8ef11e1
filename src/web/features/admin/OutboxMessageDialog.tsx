// One outgoing message: headers, status, the text as sent, and a link to download it as .eml.
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageLoading } from '../../components/PageLoading';
import { MAIL_STATUS_COLORS, outboxApi } from './outbox.api';

export function OutboxMessageDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const message = useQuery({
    queryKey: ['outbox', 'message', id],
    queryFn: () => outboxApi.get(id!),
    enabled: id !== null,
  });
  const m = message.data;
  return (
    <Modal
      open={id !== null}
      title={m?.subject ?? t('outbox.message')}
      onCancel={onClose}
      width={760}
      footer={[
        id ? (
          <Button key="eml" icon={<DownloadOutlined />} href={outboxApi.emlUrl(id)} download>
            {t('outbox.downloadEml')}
          </Button>
        ) : null,
        <Button key="close" type="primary" onClick={onClose}>
          {t('common:actions.close')}
        </Button>,
      ]}
    >
      <ErrorAlert error={message.error} />
      {message.isLoading ? <PageLoading /> : null}
      {m ? (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 160 } }}
            items={[
              { key: 'to', label: t('outbox.to'), children: m.to },
              { key: 'subject', label: t('outbox.subject'), children: m.subject },
              {
                key: 'kind',
                label: t('outbox.kind'),
                children: t(`outbox.kinds.${m.kind}`, { defaultValue: m.kind }),
              },
              {
                key: 'status',
                label: t('outbox.status'),
                children: <Tag color={MAIL_STATUS_COLORS[m.status]}>{t(`outbox.statuses.${m.status}`)}</Tag>,
              },
              { key: 'attempts', label: t('outbox.attempts'), children: m.attempts },
              { key: 'createdAt', label: t('outbox.createdAt'), children: formatDateTime(m.createdAt) },
              { key: 'sentAt', label: t('outbox.sentAt'), children: formatDateTime(m.sentAt) || '—' },
              ...(m.attachments.length
                ? [{ key: 'attachments', label: t('outbox.attachments'), children: m.attachments.join(', ') }]
                : []),
              ...(m.error ? [{ key: 'error', label: t('outbox.error'), children: m.error }] : []),
            ]}
          />
          <Typography.Paragraph
            style={{
              whiteSpace: 'pre-wrap',
              marginTop: 16,
              padding: 12,
              background: 'rgba(0,0,0,0.03)',
              borderRadius: 6,
              maxHeight: 360,
              overflow: 'auto',
            }}
          >
            {m.text}
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}

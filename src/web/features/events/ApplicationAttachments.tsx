// The files of an application: download for whoever sees it; upload and delete for the applicant while editable.
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError } from '../../components/notify';
import { useAction } from './events.api';

type Attachment = { id: string; name: string; mime: string; size: number; createdAt: string };

const kb = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} КБ` : `${(n / 1024 / 1024).toFixed(1)} МБ`;

export function ApplicationAttachments({
  applicationId,
  canEdit,
}: {
  applicationId: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation('events');
  const files = useQuery({
    queryKey: ['application-attachments', applicationId],
    queryFn: () => api.get<{ items: Attachment[] }>(`/applications/${applicationId}/attachments`),
  });
  const upload = useAction(
    (file: File) => api.upload<Attachment>(`/applications/${applicationId}/attachments`, file),
    ['application-attachments'],
  );
  const remove = useAction(
    (fileId: string) => api.delete(`/applications/${applicationId}/attachments/${fileId}`),
    ['application-attachments'],
  );
  return (
    <Card
      title={t('apps.attachments')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        canEdit ? (
          <Upload
            showUploadList={false}
            customRequest={async ({ file, onSuccess, onError }) => {
              try {
                await upload.mutateAsync(file as File);
                onSuccess?.({});
              } catch (e) {
                notifyError(e);
                onError?.(e as Error);
              }
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
              {t('apps.attach')}
            </Button>
          </Upload>
        ) : null
      }
    >
      <ErrorAlert error={files.error} />
      <List<Attachment>
        dataSource={files.data?.items ?? []}
        loading={files.isLoading}
        locale={{ emptyText: t('apps.noAttachments') }}
        renderItem={(f) => (
          <List.Item
            actions={
              canEdit
                ? [
                    <Button
                      key="del"
                      type="text"
                      danger
                      aria-label={t('apps.removeFile', { name: f.name })}
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove.mutate(f.id)}
                    />,
                  ]
                : []
            }
          >
            <a href={api.url(`/applications/${applicationId}/attachments/${f.id}`)}>
              <PaperClipOutlined aria-hidden /> {f.name}
            </a>{' '}
            ({kb(f.size)})
          </List.Item>
        )}
      />
    </Card>
  );
}

// Event page tab «Папка-накопитель» (S0-13): materials by category, upload with type hints, delete with
// confirmation, the whole folder as one ZIP.
import { Alert, Button, Flex, Form, Input, Modal, Select, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { EventForTab, EventTabMeta } from '../../app/event-tab';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { confirmDelete, notifyError, notifySuccess } from '../../components/notify';
import {
  archiveUrl,
  deleteMaterial,
  fileSize,
  MATERIAL_CATEGORIES,
  type Material,
  type MaterialCategory,
  materialFileUrl,
  useInvalidateMaterials,
  useMaterials,
  useUploadMaterial,
} from './materials.api';

export const tab: EventTabMeta = { key: 'materials', labelKey: 'materials:tab', order: 90 };

export default function EventTabMaterials({ event }: { event: EventForTab }) {
  const { t } = useTranslation('materials');
  const materials = useMaterials(event.id);
  const invalidate = useInvalidateMaterials(event.id);
  const [category, setCategory] = useState<MaterialCategory>('talks');
  const [uploading, setUploading] = useState(false);
  const items = materials.data?.items ?? [];
  const countOf = (c: MaterialCategory) => items.filter((m) => m.category === c).length;

  if (materials.error instanceof ApiError && materials.error.status === 403)
    return <Alert type="info" showIcon message={t('forbidden')} />;
  if (materials.error) return <ErrorAlert error={materials.error} onRetry={() => materials.refetch()} />;

  const columns = [
    {
      title: t('column.title'),
      dataIndex: 'title',
      render: (_: string, m: Material) => (
        <Flex vertical>
          <a href={materialFileUrl(m.id)}>{m.title}</a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.fileName} {m.generated && <Tag>{t('generated')}</Tag>}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('column.size'), dataIndex: 'size', width: 100, render: (s: number) => fileSize(s) },
    {
      title: t('column.by'),
      dataIndex: 'uploadedByName',
      width: 200,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('column.at'), dataIndex: 'createdAt', width: 110, render: (v: string) => formatDate(v) },
    {
      title: t('column.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, m: Material) =>
        m.canDelete ? (
          <Button
            danger
            size="small"
            onClick={() =>
              void confirmDelete({
                name: m.title,
                onConfirm: async () => {
                  await deleteMaterial(m.id);
                  await invalidate();
                  notifySuccess(t('deleted'));
                },
              })
            }
          >
            {t('delete')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} justify="space-between">
        <Button type="primary" onClick={() => setUploading(true)}>
          {t('upload')}
        </Button>
        <Button href={archiveUrl(event.id)} disabled={!items.length}>
          {t('zip')}
        </Button>
      </Flex>
      <Tabs
        activeKey={category}
        onChange={(k) => setCategory(k as MaterialCategory)}
        items={MATERIAL_CATEGORIES.map((c) => ({
          key: c,
          label: `${t(`category.${c}`)} (${countOf(c)})`,
        }))}
      />
      <Table<Material>
        rowKey="id"
        size="small"
        loading={materials.isLoading}
        columns={columns}
        dataSource={items.filter((m) => m.category === category)}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        scroll={{ x: 700 }}
      />
      <UploadDialog
        open={uploading}
        eventId={event.id}
        category={category}
        onClose={() => setUploading(false)}
      />
    </Flex>
  );
}

function UploadDialog(props: {
  open: boolean;
  eventId: string;
  category: MaterialCategory;
  onClose: () => void;
}) {
  const { t } = useTranslation('materials');
  const upload = useUploadMaterial(props.eventId);
  const [form] = Form.useForm<{ category: MaterialCategory; title?: string }>();
  const [file, setFile] = useState<File | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    if (!file) return notifyError(new Error(t('noFile')));
    try {
      await upload.mutateAsync({ file, category: v.category, title: v.title?.trim() || undefined });
      notifySuccess(t('uploaded'));
      setFile(null);
      form.resetFields();
      props.onClose();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('uploadTitle')}
      okText={t('upload')}
      confirmLoading={upload.isPending}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ category: props.category }} preserve={false}>
        <Form.Item name="category" label={t('categoryLabel')} rules={[{ required: true }]}>
          <Select options={MATERIAL_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('title')} extra={t('titleHint')}>
          <Input maxLength={300} />
        </Form.Item>
        <Upload
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <Button>{t('chooseFile')}</Button>
        </Upload>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('hint', { mb: 20 })}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}

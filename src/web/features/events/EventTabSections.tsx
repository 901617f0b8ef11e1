// Event page tab «Секции» (S2-4), only for a research-practice conference: the sections by subject with the number
// of applications and programme items in each; the event's managers add, rename and delete them.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventForTab, EventTabMeta } from '../../app/event-tab';
import { ErrorAlert } from '../../components/ErrorAlert';
import { confirmDelete, notifySuccess } from '../../components/notify';
import { useCatalogs } from '../directory/directory.api';
import {
  type Section,
  type SectionInput,
  useDeleteSection,
  useSaveSection,
  useSections,
} from './sections.api';

export const tab: EventTabMeta = {
  key: 'sections',
  labelKey: 'events:sections.tab',
  order: 15,
  kinds: ['research_conference'],
};

export default function EventTabSections({ event }: { event: EventForTab }) {
  const { t } = useTranslation('events');
  const sections = useSections(event.id);
  const save = useSaveSection(event.id);
  const remove = useDeleteSection(event.id);
  const catalogs = useCatalogs();
  const [editing, setEditing] = useState<Section | 'new' | null>(null);
  const [form] = Form.useForm<SectionInput>();
  const [error, setError] = useState<unknown>(null);
  const canManage = sections.data?.canManage ?? event.canManage;

  const open = (s: Section | 'new') => {
    setError(null);
    setEditing(s);
  };
  const submit = async () => {
    let v: SectionInput;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    try {
      const isNew = editing === 'new';
      await save.mutateAsync({
        id: isNew ? undefined : (editing as Section).id,
        title: v.title.trim(),
        subject: v.subject ?? null,
      });
      setEditing(null);
      notifySuccess(isNew ? t('sections.created') : t('sections.saved'));
    } catch (e) {
      setError(e);
    }
  };

  const columns: ColumnsType<Section> = [
    { key: 'title', dataIndex: 'title', title: t('sections.name') },
    {
      key: 'subject',
      title: t('sections.subject'),
      render: (_, s) =>
        s.subject ?? <Typography.Text type="secondary">{t('sections.subjectNone')}</Typography.Text>,
    },
    { key: 'applications', dataIndex: 'applications', title: t('sections.applications'), width: 110 },
    { key: 'activities', dataIndex: 'activities', title: t('sections.activities'), width: 120 },
  ];
  if (canManage)
    columns.push({
      key: 'actions',
      title: t('sections.actions'),
      width: 200,
      render: (_, s) => (
        <Space>
          <Button size="small" onClick={() => open(s)} aria-label={`${t('sections.edit')}: ${s.title}`}>
            {t('sections.edit')}
          </Button>
          <Button
            size="small"
            danger
            aria-label={`${t('sections.delete')}: ${s.title}`}
            onClick={() =>
              void confirmDelete({
                name: s.title,
                onConfirm: async () => {
                  await remove.mutateAsync(s.id);
                  notifySuccess(t('sections.deleted'));
                },
              })
            }
          >
            {t('sections.delete')}
          </Button>
        </Space>
      ),
    });

  const items = sections.data?.items ?? [];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('sections.hint')}</Typography.Text>
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => open('new')}>
            {t('sections.add')}
          </Button>
        ) : null}
      </Flex>
      <ErrorAlert error={sections.error} onRetry={() => void sections.refetch()} />
      {sections.data ? (
        <Typography.Paragraph>{t('sections.count', { count: items.length })}</Typography.Paragraph>
      ) : null}
      <Table<Section>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={sections.isFetching}
        pagination={false}
        locale={{ emptyText: sections.isLoading ? ' ' : t('sections.empty') }}
      />
      <Modal
        open={editing !== null}
        title={
          editing === 'new' || editing === null
            ? t('sections.addTitle')
            : t('sections.editTitle', { title: editing.title })
        }
        onCancel={() => setEditing(null)}
        onOk={() => void submit()}
        okText={t('common:actions.save')}
        cancelText={t('common:actions.cancel')}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
        <Form<SectionInput>
          form={form}
          layout="vertical"
          preserve={false}
          onValuesChange={() => setError(null)}
          initialValues={
            editing && editing !== 'new'
              ? { title: editing.title, subject: editing.subject ?? undefined }
              : {}
          }
        >
          <Form.Item
            name="title"
            label={t('sections.name')}
            rules={[{ required: true, whitespace: true, message: t('sections.required') }]}
          >
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="subject" label={t('sections.subject')}>
            <Select
              aria-label={t('sections.subject')}
              allowClear
              showSearch
              loading={catalogs.isLoading}
              options={(catalogs.data?.subjects ?? []).map((s) => ({ value: s, label: s }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

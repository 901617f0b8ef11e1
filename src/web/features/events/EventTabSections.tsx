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
  const remove = useDeleteSection(event.id);
  const [editing, setEditing] = useState<Section | 'new' | null>(null);
  const canManage = sections.data?.canManage ?? event.canManage;

  const open = (s: Section | 'new') => setEditing(s);

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
        footer={null}
        destroyOnHidden
      >
        {editing !== null ? (
          <SectionForm
            eventId={event.id}
            section={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </>
  );
}

/** The dialog's form, with its own form instance so that each opening starts from the section's values. */
function SectionForm({
  eventId,
  section,
  onDone,
}: {
  eventId: string;
  section: Section | null;
  onDone: () => void;
}) {
  const { t } = useTranslation('events');
  const [form] = Form.useForm<SectionInput>();
  const save = useSaveSection(eventId);
  const catalogs = useCatalogs();
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: SectionInput) => {
    setError(null);
    try {
      await save.mutateAsync({ id: section?.id, title: v.title.trim(), subject: v.subject ?? null });
      onDone();
      notifySuccess(section ? t('sections.saved') : t('sections.created'));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Form<SectionInput>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      onValuesChange={() => setError(null)}
      initialValues={section ? { title: section.title, subject: section.subject ?? undefined } : {}}
    >
      <ErrorAlert error={error} />
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
      <Flex gap={8} justify="end" wrap>
        <Button onClick={onDone}>{t('common:actions.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common:actions.save')}
        </Button>
      </Flex>
    </Form>
  );
}

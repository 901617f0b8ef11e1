// «Приглашённые спикеры и партнёры» (S3-6): the list with filters (name, capacity, event), export to Excel;
// admins and methodologists add people from the directory, edit and delete records (with confirmation).
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../app/useMe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { confirmDelete, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { RemoteSelect } from '../../components/RemoteSelect';
import { useListParams } from '../../components/useListParams';
import { personLabel, searchPeople } from '../schedule/schedule.api';
import {
  eventLabel,
  SPEAKER_KINDS,
  type Speaker,
  type SpeakerInput,
  searchEvents,
  useDeleteSpeaker,
  useSaveSpeaker,
  useSpeakers,
} from './speakers.api';

type Values = { personId: string; kind: Speaker['kind']; eventId?: string | null; note?: string | null };

export function SpeakersPage() {
  const { t } = useTranslation('speakers');
  const list = useListParams({ order: 'asc' });
  const { hasRole } = useMe();
  const canAdd = hasRole('admin', 'methodologist');
  const speakers = useSpeakers(list.query);
  const remove = useDeleteSpeaker();
  const [editing, setEditing] = useState<Speaker | 'new' | null>(null);
  const table = list.table(speakers.data?.total);

  const columns: ColumnsType<Speaker> = [
    {
      key: 'person',
      title: t('column.person'),
      render: (_, s) => (
        <>
          <Link to={`/people/${s.person.id}`}>{s.person.fullName}</Link>
          {s.person.position ? (
            <div>
              <Typography.Text type="secondary">{s.person.position}</Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    { key: 'kind', title: t('column.kind'), width: 230, render: (_, s) => t(`kind.${s.kind}`) },
    {
      key: 'organization',
      title: t('column.organization'),
      render: (_, s) => s.person.organizationName ?? '—',
    },
    {
      key: 'event',
      title: t('column.event'),
      render: (_, s) =>
        s.event ? (
          <Link to={`/events/${s.event.id}`}>{s.event.title}</Link>
        ) : (
          <Typography.Text type="secondary">{t('noEvent')}</Typography.Text>
        ),
    },
    { key: 'note', title: t('column.note'), render: (_, s) => s.note ?? '' },
  ];
  if (canAdd)
    columns.push({
      key: 'actions',
      title: t('column.actions'),
      width: 190,
      render: (_, s) =>
        s.canEdit ? (
          <Space>
            <Button
              size="small"
              aria-label={`${t('edit')}: ${s.person.fullName}`}
              onClick={() => setEditing(s)}
            >
              {t('edit')}
            </Button>
            <Button
              size="small"
              danger
              aria-label={`${t('delete')}: ${s.person.fullName}`}
              onClick={() =>
                void confirmDelete({
                  name: `${s.person.fullName} — ${t(`kind.${s.kind}`)}`,
                  onConfirm: async () => {
                    await remove.mutateAsync(s.id);
                    notifySuccess(t('deleted'));
                  },
                })
              }
            >
              {t('delete')}
            </Button>
          </Space>
        ) : null,
    });

  const current = editing && editing !== 'new' ? editing : null;
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              href={api.url('/speakers/export.xlsx', { ...list.filters, order: list.order })}
              download
            >
              {t('export')}
            </Button>
            {canAdd ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
                {t('add')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} role="search">
        <Input.Search
          defaultValue={list.get('q')}
          onSearch={(q) => list.set('q', q || undefined)}
          allowClear
          aria-label={t('filter.search')}
          placeholder={t('filter.search')}
          style={{ width: 260 }}
        />
        <Select
          value={list.get('kind')}
          onChange={(v?: string) => list.set('kind', v)}
          allowClear
          aria-label={t('filter.kind')}
          placeholder={t('filter.kind')}
          style={{ width: 300 }}
          options={SPEAKER_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <RemoteSelect
          queryKey="speaker-events"
          search={searchEvents}
          fetchLabel={eventLabel}
          value={list.get('eventId')}
          onChange={(v?: string) => list.set('eventId', v)}
          allowClear
          aria-label={t('filter.event')}
          placeholder={t('filter.event')}
          style={{ width: 320 }}
        />
        {list.hasFilters ? (
          <Button type="link" onClick={list.reset}>
            {t('common:actions.reset')}
          </Button>
        ) : null}
      </Flex>
      <ErrorAlert error={speakers.error} onRetry={() => void speakers.refetch()} />
      <Typography.Paragraph aria-live="polite">
        {speakers.data ? t('found', { count: speakers.data.total }) : '\u00a0'}
      </Typography.Paragraph>
      <Table<Speaker>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={speakers.data?.items ?? []}
        loading={speakers.isFetching}
        onChange={table.onChange}
        pagination={table.pagination}
        locale={{ emptyText: speakers.isLoading ? ' ' : t('empty') }}
      />
      <Modal
        open={editing !== null}
        title={current ? t('editTitle', { name: current.person.fullName }) : t('addTitle')}
        onCancel={() => setEditing(null)}
        footer={null}
        width={640}
        destroyOnHidden
      >
        {editing !== null ? <SpeakerForm speaker={current} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </>
  );
}

/** The dialog's form, with its own form instance so that each opening starts from the record's values. */
function SpeakerForm({ speaker, onDone }: { speaker: Speaker | null; onDone: () => void }) {
  const { t } = useTranslation('speakers');
  const [form] = Form.useForm<Values>();
  const save = useSaveSpeaker();
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: Values) => {
    setError(null);
    const body: SpeakerInput & { id?: string } = {
      id: speaker?.id,
      personId: v.personId,
      kind: v.kind,
      eventId: v.eventId ?? null,
      note: v.note?.trim() || null,
    };
    try {
      await save.mutateAsync(body);
      onDone();
      notifySuccess(speaker ? t('saved') : t('created'));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      onValuesChange={() => setError(null)}
      initialValues={
        speaker
          ? {
              personId: speaker.person.id,
              kind: speaker.kind,
              eventId: speaker.event?.id,
              note: speaker.note ?? undefined,
            }
          : {}
      }
    >
      <ErrorAlert error={error} />
      <Form.Item
        name="personId"
        label={t('field.person')}
        extra={speaker ? undefined : t('field.personHint')}
        rules={[{ required: true, message: t('required') }]}
      >
        <RemoteSelect
          queryKey="people"
          search={searchPeople}
          fetchLabel={personLabel}
          disabled={!!speaker}
          aria-label={t('field.person')}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true, message: t('required') }]}>
        <Select
          aria-label={t('field.kind')}
          options={SPEAKER_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="eventId" label={t('field.event')}>
        <RemoteSelect
          queryKey="speaker-events"
          search={searchEvents}
          fetchLabel={eventLabel}
          allowClear
          aria-label={t('field.event')}
        />
      </Form.Item>
      <Form.Item name="note" label={t('field.note')}>
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('field.notePlaceholder')} />
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

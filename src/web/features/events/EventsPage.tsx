// «Мероприятия»: the list with filters (kind, status, academic year), sorted by start date; when the next
// biennial pedagogical session is due; creating an event (administrators and methodologists).
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Modal, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useAcademicYear } from '../../app/useAcademicYear';
import { useMe } from '../../app/useMe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { formatDate } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useListParams } from '../../components/useListParams';
import { EventForm } from './EventForm';
import {
  EVENT_KINDS,
  EVENT_STATUSES,
  type EventDetail,
  type EventInput,
  type EventListItem,
  useAction,
  useEvents,
} from './events.api';
import { StatusTag } from './StatusTag';

export function EventsPage() {
  const { t } = useTranslation('events');
  const navigate = useNavigate();
  const list = useListParams({ sort: 'startDate', order: 'desc' });
  const { hasRole } = useMe();
  const { years } = useAcademicYear();
  const canAdd = hasRole('admin', 'methodologist');
  const [adding, setAdding] = useState(false);
  const events = useEvents(list.query);
  const create = useAction((body: EventInput) => api.post<EventDetail>('/events', body), ['events']);
  const table = list.table(events.data?.total);

  const columns: ColumnsType<EventListItem> = [
    {
      key: 'startDate',
      title: t('field.dates'),
      sorter: true,
      sortOrder: list.sortOrder('startDate'),
      width: 210,
      render: (_, e) =>
        e.startDate === e.endDate
          ? formatDate(e.startDate)
          : `${formatDate(e.startDate)} — ${formatDate(e.endDate)}`,
    },
    {
      key: 'title',
      title: t('field.title'),
      sorter: true,
      sortOrder: list.sortOrder('title'),
      render: (_, e) => (
        <>
          <Link to={`/events/${e.id}`}>{e.title}</Link>
          <div>
            <Typography.Text type="secondary">{t(`kind.${e.kind}`)}</Typography.Text>
          </div>
        </>
      ),
    },
    { key: 'host', dataIndex: 'hostOrganizationName', title: t('field.host') },
    { key: 'status', title: t('field.status'), render: (_, e) => <StatusTag status={e.status} /> },
  ];
  const due = events.data?.nextPedagogicalSessionDue;

  return (
    <>
      <PageHeader
        title={t('list.title')}
        extra={
          <>
            <ExportButton
              path="/events/export.xlsx"
              query={{ ...list.filters, sort: list.sort, order: list.order }}
            />
            {canAdd ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
                {t('list.add')}
              </Button>
            ) : null}
          </>
        }
      />
      {events.data ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={due ? t('list.nextSession', { year: due.academicYear }) : t('list.noSession')}
        />
      ) : null}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} role="search">
        <Input.Search
          defaultValue={list.get('q')}
          onSearch={(q) => list.set('q', q || undefined)}
          allowClear
          aria-label={t('list.search')}
          placeholder={t('list.search')}
          style={{ width: 260 }}
        />
        <Select
          value={list.get('kind')}
          onChange={(v?: string) => list.set('kind', v)}
          allowClear
          aria-label={t('field.kind')}
          placeholder={t('field.kind')}
          style={{ width: 260 }}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <Select
          value={list.get('status')}
          onChange={(v?: string) => list.set('status', v)}
          allowClear
          aria-label={t('field.status')}
          placeholder={t('field.status')}
          style={{ width: 200 }}
          options={EVENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select
          value={list.get('year')}
          onChange={(v?: string) => list.set('year', v)}
          allowClear
          aria-label={t('field.year')}
          placeholder={t('field.year')}
          style={{ width: 160 }}
          options={years.map((y) => ({ value: y.code, label: y.code }))}
        />
        {list.hasFilters ? (
          <Button type="link" onClick={list.reset}>
            {t('common:actions.reset')}
          </Button>
        ) : null}
      </Flex>
      <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />
      <Typography.Paragraph aria-live="polite">
        {events.data ? t('list.found', { count: events.data.total }) : '\u00a0'}
      </Typography.Paragraph>
      <Table<EventListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={events.data?.items ?? []}
        loading={events.isFetching}
        onChange={table.onChange}
        pagination={table.pagination}
        locale={{ emptyText: events.isLoading ? ' ' : t('list.empty') }}
      />
      <Modal
        open={adding}
        title={t('form.createTitle')}
        onCancel={() => setAdding(false)}
        footer={null}
        width={760}
        destroyOnHidden
      >
        <EventForm
          onCancel={() => setAdding(false)}
          onSubmit={async (body) => {
            const created = await create.mutateAsync(body);
            setAdding(false);
            notifySuccess(t('form.created'));
            navigate(`/events/${created.id}`);
          }}
        />
      </Modal>
    </>
  );
}

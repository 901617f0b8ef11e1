// The outbox: every message Rost sends, with status filter and search; open a message or download its .eml.
import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterBar, FilterField } from '../../components/FilterBar';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useListParams } from '../../components/useListParams';
import { OutboxMessageDialog } from './OutboxMessageDialog';
import { MAIL_STATUS_COLORS, type MailStatus, type OutboxItem, outboxApi } from './outbox.api';

export function OutboxPage() {
  const { t } = useTranslation('admin');
  const list = useListParams({ pageSize: 20, sort: 'createdAt', order: 'desc' });
  const [viewing, setViewing] = useState<string | null>(null);
  const messages = useQuery({
    queryKey: ['outbox', list.query],
    queryFn: () => outboxApi.list(list.query),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<OutboxItem> = [
    {
      key: 'createdAt',
      title: t('outbox.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: list.sortOrder('createdAt'),
      sortDirections: ['descend', 'ascend', 'descend'],
      width: 160,
      render: (v: string) => formatDateTime(v),
    },
    { key: 'to', title: t('outbox.to'), dataIndex: 'to' },
    {
      key: 'subject',
      title: t('outbox.subject'),
      render: (_, m) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setViewing(m.id)}
        >
          {m.subject}
          {m.attachments.length ? (
            <PaperClipOutlined aria-label={t('outbox.withAttachments', { count: m.attachments.length })} />
          ) : null}
        </Button>
      ),
    },
    {
      key: 'kind',
      title: t('outbox.kind'),
      dataIndex: 'kind',
      render: (k: string) => t(`outbox.kinds.${k}`, { defaultValue: k }),
    },
    {
      key: 'status',
      title: t('outbox.status'),
      render: (_, m) => (
        <Space orientation="vertical" size={0}>
          <Tag color={MAIL_STATUS_COLORS[m.status]}>{t(`outbox.statuses.${m.status}`)}</Tag>
          {m.error ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }} ellipsis={{ tooltip: m.error }}>
              {m.error}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { key: 'attempts', title: t('outbox.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
    {
      key: 'eml',
      title: <span className="rost-visually-hidden">{t('outbox.downloadEml')}</span>,
      width: 70,
      render: (_, m) => (
        <Button
          icon={<DownloadOutlined />}
          href={outboxApi.emlUrl(m.id)}
          download
          aria-label={`${t('outbox.downloadEml')}: ${m.subject}`}
          title={t('outbox.downloadEml')}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('outbox.title')} subtitle={t('outbox.subtitle')} />
      <FilterBar onReset={list.reset} canReset={list.hasFilters}>
        <FilterField label={t('outbox.search')} htmlFor="outbox-q">
          <SearchInput id="outbox-q" value={list.get('q')} onSearch={(v) => list.set('q', v)} />
        </FilterField>
        <FilterField label={t('outbox.status')} htmlFor="outbox-status">
          <Select<MailStatus>
            id="outbox-status"
            allowClear
            placeholder={t('outbox.anyStatus')}
            style={{ width: 180 }}
            value={list.get('status') as MailStatus | undefined}
            onChange={(v) => list.set('status', v)}
            options={(['queued', 'sent', 'failed'] as const).map((s) => ({
              value: s,
              label: t(`outbox.statuses.${s}`),
            }))}
          />
        </FilterField>
      </FilterBar>
      <ErrorAlert error={messages.error} onRetry={() => void messages.refetch()} />
      <Table<OutboxItem>
        rowKey="id"
        columns={columns}
        dataSource={messages.data?.items}
        loading={messages.isFetching}
        scroll={{ x: 900 }}
        locale={{
          emptyText: (
            <EmptyState
              text={list.hasFilters ? t('outbox.emptyFiltered') : t('outbox.empty')}
              action={
                list.hasFilters ? <Button onClick={list.reset}>{t('filters.reset')}</Button> : undefined
              }
            />
          ),
        }}
        {...list.table(messages.data?.total)}
      />
      <OutboxMessageDialog id={viewing} onClose={() => setViewing(null)} />
    </>
  );
}

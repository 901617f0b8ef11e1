// The audit log: who changed what and when, filtered by record type, action, period, author or record.
import { CloseOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterBar, FilterField } from '../../components/FilterBar';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useListParams } from '../../components/useListParams';
import { AuditDiff } from './AuditDiff';
import { UserSelect } from './UserSelect';

type Action = 'create' | 'update' | 'delete';
export type AuditEntry = {
  id: number;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  action: Action;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

const ENTITIES = [
  'region',
  'municipality',
  'organization',
  'person',
  'employment',
  'user',
  'role_assignment',
  'invitation',
  'import_job',
  'file',
];
/** A readable name of the changed record from its values: name, short name, full name or e-mail. */
function recordTitle(e: AuditEntry): string | undefined {
  for (const v of [e.after, e.before]) {
    if (v && typeof v === 'object') {
      const r = v as Record<string, unknown>;
      const name = r.shortName ?? r.name ?? r.fullName ?? r.email;
      if (typeof name === 'string' && name) return name;
      if (typeof r.surname === 'string') return [r.surname, r.name, r.patronymic].filter(Boolean).join(' ');
    }
  }
  return undefined;
}

const ACTION_COLORS: Record<Action, string> = { create: 'green', update: 'blue', delete: 'red' };

export function AuditPage() {
  const { t } = useTranslation('admin');
  const list = useListParams({ pageSize: 20, sort: 'at', order: 'desc' });
  const from = list.get('from');
  const to = list.get('to');

  const entries = useQuery({
    queryKey: ['audit-log', list.query],
    queryFn: () => api.get<Page<AuditEntry>>('/audit-log', list.query),
    placeholderData: keepPreviousData,
  });

  const entityLabel = (e: string) => t(`audit.entities.${e}`, { defaultValue: e });

  const columns: TableColumnsType<AuditEntry> = [
    {
      key: 'at',
      title: t('audit.at'),
      dataIndex: 'at',
      sorter: true,
      sortOrder: list.sortOrder('at'),
      sortDirections: ['descend', 'ascend', 'descend'],
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, e) =>
        e.actorName ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      width: 130,
      render: (a: Action) => <Tag color={ACTION_COLORS[a]}>{t(`audit.actions.${a}`)}</Tag>,
    },
    {
      key: 'entity',
      title: t('audit.record'),
      render: (_, e) => (
        <span>
          {entityLabel(e.entity)}
          {recordTitle(e) ? ` «${recordTitle(e)}»` : ''}{' '}
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            title={t('audit.showEntity')}
            onClick={() => list.setMany({ entity: e.entity, entityId: e.entityId })}
          >
            <code>{e.entityId.length > 13 ? `${e.entityId.slice(0, 8)}…` : e.entityId}</code>
          </Button>
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <FilterBar onReset={list.reset} canReset={list.hasFilters}>
        <FilterField label={t('audit.entity')} htmlFor="audit-entity">
          <Select
            id="audit-entity"
            allowClear
            placeholder={t('audit.anyEntity')}
            style={{ width: 200 }}
            value={list.get('entity')}
            onChange={(v) => list.setMany({ entity: v, entityId: undefined })}
            options={ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
          />
        </FilterField>
        <FilterField label={t('audit.action')} htmlFor="audit-action">
          <Select<Action>
            id="audit-action"
            allowClear
            placeholder={t('audit.anyAction')}
            style={{ width: 160 }}
            value={list.get('action') as Action | undefined}
            onChange={(v) => list.set('action', v)}
            options={(['create', 'update', 'delete'] as const).map((a) => ({
              value: a,
              label: t(`audit.actions.${a}`),
            }))}
          />
        </FilterField>
        <FilterField label={t('audit.period')} htmlFor="audit-period">
          <DatePicker.RangePicker
            id={{ start: 'audit-period' }}
            format="DD.MM.YYYY"
            allowEmpty={[true, true]}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            onChange={(range) =>
              list.setMany({
                from: range?.[0]?.format('YYYY-MM-DD'),
                to: range?.[1]?.format('YYYY-MM-DD'),
              })
            }
          />
        </FilterField>
        <FilterField label={t('audit.actor')} htmlFor="audit-actor">
          <UserSelect
            id="audit-actor"
            placeholder={t('audit.anyActor')}
            style={{ width: 260 }}
            value={list.get('actorUserId')}
            onChange={(v) => list.set('actorUserId', v)}
          />
        </FilterField>
        {list.get('entityId') ? (
          <Tag style={{ padding: '4px 8px', fontSize: 13, marginBottom: 4 }}>
            {t('audit.entityId')}: <code>{list.get('entityId')}</code>{' '}
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              aria-label={t('audit.clearEntity')}
              title={t('audit.clearEntity')}
              onClick={() => list.set('entityId', undefined)}
            />
          </Tag>
        ) : null}
      </FilterBar>
      <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} />
      <Table<AuditEntry>
        rowKey="id"
        columns={columns}
        dataSource={entries.data?.items}
        loading={entries.isFetching}
        scroll={{ x: 800 }}
        expandable={{
          expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />,
          expandRowByClick: false,
        }}
        locale={{
          emptyText: (
            <EmptyState
              text={list.hasFilters ? t('audit.emptyFiltered') : t('audit.empty')}
              action={
                list.hasFilters ? <Button onClick={list.reset}>{t('filters.reset')}</Button> : undefined
              }
            />
          ),
        }}
        {...list.table(entries.data?.total)}
      />
    </>
  );
}

// The list page of a kind of place (regions, municipalities): search, server-side paging and sorting, and for
// admins add / edit / delete with confirmation. Each kind supplies its filters, columns and form.
import { PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Flex, Modal, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page, Query } from '../../api/client';
import { useMe } from '../../app/useMe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { confirmDelete, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useListParams } from '../../components/useListParams';
import { useCrud } from './directory.api';
import { SearchBox } from './SearchBox';

type ListParams = ReturnType<typeof useListParams>;
type Place = { id: string; name: string };

export type PlaceListPageProps<T extends Place, I> = {
  /** the collection (API path and translation namespace key): `regions` or `municipalities` */
  collection: 'regions' | 'municipalities';
  useItems: (query: Query) => UseQueryResult<Page<T>>;
  /** filters after the search box */
  filters?: (list: ListParams) => ReactNode;
  /** the columns before «Действия» */
  columns: (list: ListParams) => ColumnsType<T>;
  /** the add/edit form inside the dialog */
  form: (p: {
    item?: T;
    list: ListParams;
    onCancel: () => void;
    onSubmit: (body: I) => Promise<void>;
  }) => ReactNode;
};

export function PlaceListPage<T extends Place, I>(p: PlaceListPageProps<T, I>) {
  const { t } = useTranslation('directory');
  const ns = p.collection;
  const list = useListParams();
  const admin = useMe().isAdmin;
  const items = p.useItems(list.query);
  const { create, update, remove } = useCrud<T, I>(p.collection);
  const table = list.table(items.data?.total);
  const [editing, setEditing] = useState<T | 'new' | null>(null);

  const onDelete = (item: T) =>
    confirmDelete({
      name: item.name,
      onConfirm: async () => {
        await remove.mutateAsync(item.id);
        await items.refetch();
        notifySuccess(t(`${ns}.deleted`, { name: item.name }));
      },
    });

  const actions: ColumnsType<T> = admin
    ? [
        {
          key: 'actions',
          title: t('common.actions'),
          width: 220,
          render: (_: unknown, item: T) => (
            <Flex gap={8}>
              <Button size="small" onClick={() => setEditing(item)}>
                {t('common:actions.edit')}
              </Button>
              <Button size="small" danger onClick={() => onDelete(item)}>
                {t('common:actions.delete')}
              </Button>
            </Flex>
          ),
        },
      ]
    : [];

  return (
    <>
      <PageHeader
        title={t(`${ns}.title`)}
        extra={
          admin ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {t('common.add')}
            </Button>
          ) : null
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }} role="search">
        <SearchBox
          value={list.get('q')}
          onSearch={(q) => list.set('q', q)}
          label={t(`${ns}.searchLabel`)}
          placeholder={t(`${ns}.searchLabel`)}
          style={{ width: 280 }}
        />
        {p.filters?.(list)}
      </Flex>
      <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />
      <Typography.Paragraph aria-live="polite">
        {items.data ? t(`${ns}.found`, { count: items.data.total }) : '\u00a0'}
      </Typography.Paragraph>
      <Table<T>
        rowKey="id"
        size="middle"
        dataSource={items.data?.items ?? []}
        loading={items.isFetching}
        onChange={table.onChange}
        locale={{ emptyText: items.isLoading ? ' ' : admin ? t(`${ns}.emptyCanAdd`) : t(`${ns}.empty`) }}
        pagination={{ ...table.pagination, showTotal: undefined, hideOnSinglePage: true }}
        columns={[...p.columns(list), ...actions]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t(`${ns}.addTitle`) : t(`${ns}.editTitle`)}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
        maskClosable={false}
      >
        {editing !== null
          ? p.form({
              item: editing === 'new' ? undefined : editing,
              list,
              onCancel: () => setEditing(null),
              onSubmit: async (body) => {
                if (editing === 'new') await create.mutateAsync(body);
                else await update.mutateAsync({ id: editing.id, body });
                notifySuccess(t('common:common.saved'));
                setEditing(null);
              },
            })
          : null}
      </Modal>
    </>
  );
}

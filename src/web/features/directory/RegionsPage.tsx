// «Регионы»: a short list; admins add, rename and delete.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/useMe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { confirmDelete, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useListParams } from '../../components/useListParams';
import { type Region, useCrud, useRegions } from './directory.api';
import { RegionForm, type RegionInput } from './RegionForm';
import { SearchBox } from './SearchBox';

export function RegionsPage() {
  const { t } = useTranslation('directory');
  const list = useListParams();
  const admin = useMe().isAdmin;
  const items = useRegions(list.query);
  const { create, update, remove } = useCrud<Region, RegionInput>('regions');
  const table = list.table(items.data?.total);
  const [editing, setEditing] = useState<Region | 'new' | null>(null);

  const onDelete = (r: Region) =>
    confirmDelete({
      name: r.name,
      onConfirm: async () => {
        await remove.mutateAsync(r.id);
        await items.refetch();
        notifySuccess(t('regions.deleted', { name: r.name }));
      },
    });

  return (
    <>
      <PageHeader
        title={t('regions.title')}
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
          label={t('regions.searchLabel')}
          placeholder={t('regions.searchLabel')}
          style={{ width: 280 }}
        />
      </Flex>
      <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />
      <Typography.Paragraph aria-live="polite">
        {items.data ? t('regions.found', { count: items.data.total }) : '\u00a0'}
      </Typography.Paragraph>
      <Table<Region>
        rowKey="id"
        size="middle"
        dataSource={items.data?.items ?? []}
        loading={items.isFetching}
        onChange={table.onChange}
        locale={{ emptyText: items.isLoading ? ' ' : admin ? t('regions.emptyCanAdd') : t('regions.empty') }}
        pagination={{ ...table.pagination, showTotal: undefined, hideOnSinglePage: true }}
        columns={[
          {
            key: 'name',
            title: t('region.name'),
            sorter: true,
            sortOrder: list.sortOrder('name'),
            render: (_, r) => <Link to={`/municipalities?regionId=${r.id}`}>{r.name}</Link>,
          },
          {
            key: 'code',
            dataIndex: 'code',
            title: t('region.code'),
            width: 160,
            sorter: true,
            sortOrder: list.sortOrder('code'),
          },
          ...(admin
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 220,
                  render: (_: unknown, r: Region) => (
                    <Flex gap={8}>
                      <Button size="small" onClick={() => setEditing(r)}>
                        {t('common:actions.edit')}
                      </Button>
                      <Button size="small" danger onClick={() => onDelete(r)}>
                        {t('common:actions.delete')}
                      </Button>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('regions.addTitle') : t('regions.editTitle')}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
        maskClosable={false}
      >
        {editing !== null ? (
          <RegionForm
            region={editing === 'new' ? undefined : editing}
            onCancel={() => setEditing(null)}
            onSubmit={async (body) => {
              if (editing === 'new') await create.mutateAsync(body);
              else await update.mutateAsync({ id: editing.id, body });
              notifySuccess(t('common:common.saved'));
              setEditing(null);
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}

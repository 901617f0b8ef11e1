// «Регионы»: a short list; admins add, rename and delete.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { confirmDelete, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { isAdmin, useMyRoles } from './directory.access';
import { type Region, useCrud, useRegions } from './directory.api';
import { RegionForm, type RegionInput } from './RegionForm';
import { SearchBox } from './SearchBox';
import { PAGE_SIZES, pageQuery, tableChangeHandler } from './tableState';
import { useUrlFilters } from './useUrlFilters';

export function RegionsPage() {
  const { t } = useTranslation('directory');
  const [values, set] = useUrlFilters();
  const admin = isAdmin(useMyRoles());
  const paging = pageQuery(values);
  const list = useRegions({ q: values.q, page: paging.page, pageSize: paging.pageSize });
  const { create, update, remove } = useCrud<Region, RegionInput>('regions');
  const [editing, setEditing] = useState<Region | 'new' | null>(null);

  const onDelete = (r: Region) =>
    confirmDelete({
      name: r.name,
      onConfirm: async () => {
        await remove.mutateAsync(r.id);
        await list.refetch();
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
          value={values.q}
          onSearch={(q) => set({ q })}
          label={t('regions.searchLabel')}
          placeholder={t('regions.searchLabel')}
          style={{ width: 280 }}
        />
      </Flex>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Typography.Paragraph aria-live="polite">
        {list.data ? t('regions.found', { count: list.data.total }) : '\u00a0'}
      </Typography.Paragraph>
      <Table<Region>
        rowKey="id"
        size="middle"
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onChange={tableChangeHandler(values, set, {})}
        locale={{ emptyText: list.isLoading ? ' ' : admin ? t('regions.emptyCanAdd') : t('regions.empty') }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          hideOnSinglePage: true,
        }}
        columns={[
          {
            key: 'name',
            title: t('region.name'),
            render: (_, r) => <Link to={`/municipalities?regionId=${r.id}`}>{r.name}</Link>,
          },
          { key: 'code', dataIndex: 'code', title: t('region.code'), width: 160 },
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

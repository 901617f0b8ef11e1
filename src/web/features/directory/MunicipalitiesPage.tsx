// «Муниципалитеты»: list by region; admins add, rename and delete.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { confirmDelete, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { isAdmin, useMyRoles } from './directory.access';
import { type Municipality, useCrud, useMunicipalities } from './directory.api';
import { MunicipalityForm, type MunicipalityInput } from './MunicipalityForm';
import { RegionSelect } from './RegionSelect';
import { SearchBox } from './SearchBox';
import { PAGE_SIZES, pageQuery, tableChangeHandler } from './tableState';
import { useUrlFilters } from './useUrlFilters';

export function MunicipalitiesPage() {
  const { t } = useTranslation('directory');
  const [values, set] = useUrlFilters();
  const admin = isAdmin(useMyRoles());
  const paging = pageQuery(values);
  const list = useMunicipalities({
    q: values.q,
    regionId: values.regionId,
    page: paging.page,
    pageSize: paging.pageSize,
  });
  const { create, update, remove } = useCrud<Municipality, MunicipalityInput>('municipalities');
  const [editing, setEditing] = useState<Municipality | 'new' | null>(null);

  const onDelete = (m: Municipality) =>
    confirmDelete({
      name: m.name,
      onConfirm: async () => {
        await remove.mutateAsync(m.id);
        await list.refetch();
        notifySuccess(t('municipalities.deleted', { name: m.name }));
      },
    });

  return (
    <>
      <PageHeader
        title={t('municipalities.title')}
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
          label={t('municipalities.searchLabel')}
          placeholder={t('municipalities.searchLabel')}
          style={{ width: 280 }}
        />
        <RegionSelect
          value={values.regionId}
          onChange={(regionId) => set({ regionId })}
          allowClear
          aria-label={t('municipality.region')}
          placeholder={t('municipality.region')}
          style={{ width: 260 }}
        />
      </Flex>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Typography.Paragraph aria-live="polite">
        {list.data ? t('municipalities.found', { count: list.data.total }) : '\u00a0'}
      </Typography.Paragraph>
      <Table<Municipality>
        rowKey="id"
        size="middle"
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onChange={tableChangeHandler(values, set, {})}
        locale={{
          emptyText: list.isLoading
            ? ' '
            : admin
              ? t('municipalities.emptyCanAdd')
              : t('municipalities.empty'),
        }}
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
            title: t('municipality.name'),
            render: (_, m) => <Link to={`/organizations?municipalityId=${m.id}`}>{m.name}</Link>,
          },
          { key: 'region', dataIndex: 'regionName', title: t('municipality.region') },
          ...(admin
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 220,
                  render: (_: unknown, m: Municipality) => (
                    <Flex gap={8}>
                      <Button size="small" onClick={() => setEditing(m)}>
                        {t('common:actions.edit')}
                      </Button>
                      <Button size="small" danger onClick={() => onDelete(m)}>
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
        title={editing === 'new' ? t('municipalities.addTitle') : t('municipalities.editTitle')}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
        maskClosable={false}
      >
        {editing !== null ? (
          <MunicipalityForm
            municipality={editing === 'new' ? undefined : editing}
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

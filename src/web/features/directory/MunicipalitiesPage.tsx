// «Муниципалитеты»: list by region; admins add, rename and delete.
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
import { RegionSelect } from '../common/PlaceSelects';
import { type Municipality, useCrud, useMunicipalities } from './directory.api';
import { MunicipalityForm, type MunicipalityInput } from './MunicipalityForm';
import { SearchBox } from './SearchBox';

export function MunicipalitiesPage() {
  const { t } = useTranslation('directory');
  const list = useListParams();
  const admin = useMe().isAdmin;
  const items = useMunicipalities(list.query);
  const { create, update, remove } = useCrud<Municipality, MunicipalityInput>('municipalities');
  const table = list.table(items.data?.total);
  const [editing, setEditing] = useState<Municipality | 'new' | null>(null);

  const onDelete = (m: Municipality) =>
    confirmDelete({
      name: m.name,
      onConfirm: async () => {
        await remove.mutateAsync(m.id);
        await items.refetch();
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
          value={list.get('q')}
          onSearch={(q) => list.set('q', q)}
          label={t('municipalities.searchLabel')}
          placeholder={t('municipalities.searchLabel')}
          style={{ width: 280 }}
        />
        <RegionSelect
          value={list.get('regionId')}
          onChange={(v) => list.set('regionId', v)}
          aria-label={t('municipality.region')}
          placeholder={t('municipality.region')}
          style={{ width: 260 }}
        />
      </Flex>
      <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />
      <Typography.Paragraph aria-live="polite">
        {items.data ? t('municipalities.found', { count: items.data.total }) : '\u00a0'}
      </Typography.Paragraph>
      <Table<Municipality>
        rowKey="id"
        size="middle"
        dataSource={items.data?.items ?? []}
        loading={items.isFetching}
        onChange={table.onChange}
        locale={{
          emptyText: items.isLoading
            ? ' '
            : admin
              ? t('municipalities.emptyCanAdd')
              : t('municipalities.empty'),
        }}
        pagination={{ ...table.pagination, showTotal: undefined, hideOnSinglePage: true }}
        columns={[
          {
            key: 'name',
            title: t('municipality.name'),
            sorter: true,
            sortOrder: list.sortOrder('name'),
            render: (_, m) => <Link to={`/organizations?municipalityId=${m.id}`}>{m.name}</Link>,
          },
          {
            key: 'region',
            dataIndex: 'regionName',
            title: t('municipality.region'),
            sorter: true,
            sortOrder: list.sortOrder('region'),
          },
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
            regionId={list.get('regionId')}
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

// «Организации»: list with filters (kind, municipality, name), sorting, export and add.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Modal, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { mayManageOrganizations, useMyRoles } from './directory.access';
import {
  labelOf,
  type Organization,
  type OrganizationInput,
  useCatalogs,
  useCrud,
  useOrganizations,
} from './directory.api';
import { ExportButton } from './ExportButton';
import { MunicipalitySelect } from './MunicipalitySelect';
import { OrganizationForm } from './OrganizationForm';
import { SearchBox } from './SearchBox';
import { PAGE_SIZES, pageQuery, sortOrderOf, tableChangeHandler } from './tableState';
import { useUrlFilters } from './useUrlFilters';

const FILTERS = ['q', 'kind', 'municipalityId'] as const;

export function OrganizationsPage() {
  const { t } = useTranslation('directory');
  const navigate = useNavigate();
  const [values, set] = useUrlFilters();
  const [adding, setAdding] = useState(false);
  const canAdd = mayManageOrganizations(useMyRoles());
  const catalogs = useCatalogs();
  const { create } = useCrud<Organization, OrganizationInput>('organizations');
  const filters = Object.fromEntries(FILTERS.map((k) => [k, values[k]]));
  const paging = pageQuery(values);
  const list = useOrganizations({ ...filters, ...paging });
  const filtered = FILTERS.some((k) => !!values[k]);
  const resetFilters = () => set(Object.fromEntries(FILTERS.map((k) => [k, undefined])));

  const columns: ColumnsType<Organization> = [
    {
      key: 'shortName',
      title: t('organization.shortName'),
      sorter: true,
      sortOrder: sortOrderOf(values, 'shortName'),
      render: (_, o) => <Link to={`/organizations/${o.id}`}>{o.shortName}</Link>,
    },
    {
      key: 'fullName',
      dataIndex: 'fullName',
      title: t('organization.fullName'),
      sorter: true,
      sortOrder: sortOrderOf(values, 'fullName'),
      ellipsis: true,
    },
    {
      key: 'kind',
      title: t('organization.kind'),
      sorter: true,
      sortOrder: sortOrderOf(values, 'kind'),
      render: (_, o) => labelOf(catalogs.data?.organizationKinds, o.kind),
    },
    {
      key: 'municipality',
      dataIndex: 'municipalityName',
      title: t('organization.municipality'),
      sorter: true,
      sortOrder: sortOrderOf(values, 'municipality'),
    },
    {
      key: 'peopleCount',
      title: t('organization.peopleCount'),
      align: 'right',
      render: (_, o) => <Link to={`/people?organizationId=${o.id}`}>{o.peopleCount}</Link>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        extra={
          <>
            <ExportButton
              path="/organizations/export.xlsx"
              query={{ ...filters, sort: paging.sort, order: paging.order }}
            />
            {canAdd ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
                {t('common.add')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} role="search">
        <SearchBox
          value={values.q}
          onSearch={(q) => set({ q })}
          label={t('organizations.searchLabel')}
          placeholder={t('organizations.searchPlaceholder')}
          style={{ width: 280 }}
        />
        <Select
          value={values.kind}
          onChange={(kind?: string) => set({ kind })}
          allowClear
          aria-label={t('organization.kind')}
          placeholder={t('organization.kind')}
          style={{ width: 320 }}
          options={(catalogs.data?.organizationKinds ?? []).map((k) => ({ value: k.code, label: k.label }))}
        />
        <MunicipalitySelect
          value={values.municipalityId}
          onChange={(municipalityId) => set({ municipalityId })}
          allowClear
          aria-label={t('organization.municipality')}
          placeholder={t('organization.municipality')}
          style={{ width: 220 }}
        />
        {filtered ? (
          <Button type="link" onClick={resetFilters}>
            {t('common:actions.reset')}
          </Button>
        ) : null}
      </Flex>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Typography.Paragraph aria-live="polite">
        {list.data ? t('organizations.found', { count: list.data.total }) : '\u00a0'}
      </Typography.Paragraph>
      <Table<Organization>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onChange={tableChangeHandler(values, set, {})}
        locale={{
          emptyText: list.isLoading ? (
            ' '
          ) : (
            <Empty
              description={
                filtered
                  ? t('organizations.emptyFiltered')
                  : canAdd
                    ? t('organizations.emptyCanAdd')
                    : t('organizations.emptyReadOnly')
              }
            >
              {filtered ? <Button onClick={resetFilters}>{t('common.resetFilters')}</Button> : null}
              {!filtered && canAdd ? (
                <Flex gap={8} justify="center">
                  <Button type="primary" onClick={() => setAdding(true)}>
                    {t('organizations.add')}
                  </Button>
                  <Link to="/imports">{t('people.toImport')}</Link>
                </Flex>
              ) : null}
            </Empty>
          ),
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
        }}
        scroll={{ x: 900 }}
      />
      <Modal
        open={adding}
        title={t('organizations.addTitle')}
        onCancel={() => setAdding(false)}
        footer={null}
        width={800}
        destroyOnHidden
        maskClosable={false}
      >
        <OrganizationForm
          onCancel={() => setAdding(false)}
          onSubmit={async (body) => {
            const org = await create.mutateAsync(body);
            notifySuccess(t('organizations.created', { name: org.shortName }));
            setAdding(false);
            navigate(`/organizations/${org.id}`);
          }}
        />
      </Modal>
    </>
  );
}

// «Организации»: list with filters (kind, municipality, name), sorting, export and add.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Modal, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../app/useMe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useListParams } from '../../components/useListParams';
import { MunicipalitySelect } from '../common/PlaceSelects';
import { mayManageOrganizations } from './directory.access';
import {
  labelOf,
  type Organization,
  type OrganizationInput,
  useCatalogs,
  useCrud,
  useOrganizations,
} from './directory.api';
import { OrganizationForm } from './OrganizationForm';
import { SearchBox } from './SearchBox';

export function OrganizationsPage() {
  const { t } = useTranslation('directory');
  const navigate = useNavigate();
  const list = useListParams();
  const [adding, setAdding] = useState(false);
  const canAdd = mayManageOrganizations(useMe().grants);
  const catalogs = useCatalogs();
  const { create } = useCrud<Organization, OrganizationInput>('organizations');
  const orgs = useOrganizations(list.query);
  const filtered = list.hasFilters;
  const table = list.table(orgs.data?.total);

  const columns: ColumnsType<Organization> = [
    {
      key: 'shortName',
      title: t('organization.shortName'),
      sorter: true,
      sortOrder: list.sortOrder('shortName'),
      render: (_, o) => <Link to={`/organizations/${o.id}`}>{o.shortName}</Link>,
    },
    {
      key: 'fullName',
      dataIndex: 'fullName',
      title: t('organization.fullName'),
      sorter: true,
      sortOrder: list.sortOrder('fullName'),
      ellipsis: true,
    },
    {
      key: 'kind',
      title: t('organization.kind'),
      sorter: true,
      sortOrder: list.sortOrder('kind'),
      render: (_, o) => labelOf(catalogs.data?.organizationKinds, o.kind),
    },
    {
      key: 'municipality',
      dataIndex: 'municipalityName',
      title: t('organization.municipality'),
      sorter: true,
      sortOrder: list.sortOrder('municipality'),
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
              query={{ ...list.filters, sort: list.sort, order: list.order }}
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
          value={list.get('q')}
          onSearch={(q) => list.set('q', q)}
          label={t('organizations.searchLabel')}
          placeholder={t('organizations.searchPlaceholder')}
          style={{ width: 280 }}
        />
        <Select
          value={list.get('kind')}
          onChange={(v?: string) => list.set('kind', v)}
          allowClear
          aria-label={t('organization.kind')}
          placeholder={t('organization.kind')}
          style={{ width: 320 }}
          options={(catalogs.data?.organizationKinds ?? []).map((k) => ({ value: k.code, label: k.label }))}
        />
        <MunicipalitySelect
          value={list.get('municipalityId')}
          onChange={(v) => list.set('municipalityId', v)}
          aria-label={t('organization.municipality')}
          placeholder={t('organization.municipality')}
          style={{ width: 220 }}
        />
        {filtered ? (
          <Button type="link" onClick={list.reset}>
            {t('common:actions.reset')}
          </Button>
        ) : null}
      </Flex>
      <ErrorAlert error={orgs.error} onRetry={() => void orgs.refetch()} />
      <Typography.Paragraph aria-live="polite">
        {orgs.data ? t('organizations.found', { count: orgs.data.total }) : '\u00a0'}
      </Typography.Paragraph>
      <Table<Organization>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={orgs.data?.items ?? []}
        loading={orgs.isFetching}
        onChange={table.onChange}
        locale={{
          emptyText: orgs.isLoading ? (
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
              {filtered ? <Button onClick={list.reset}>{t('common.resetFilters')}</Button> : null}
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
        pagination={{ ...table.pagination, showTotal: undefined }}
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

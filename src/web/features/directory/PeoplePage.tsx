// «Педагоги»: the people list with server paging, Russian-order sorting, filters in the URL, export and add.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { mayWriteDirectory, useMyRoles } from './directory.access';
import { labelOf, type Person, useCatalogs, usePeople } from './directory.api';
import { ExportButton } from './ExportButton';
import { hasPeopleFilters, PEOPLE_FILTERS, PeopleFilters } from './PeopleFilters';
import { PersonCreateModal } from './PersonCreateModal';
import { PAGE_SIZES, pageQuery, sortOrderOf, tableChangeHandler } from './tableState';
import { useUrlFilters } from './useUrlFilters';

const SORT_COLUMNS = { experienceStart: { invert: true } };

export function PeoplePage() {
  const { t } = useTranslation('directory');
  const [values, set] = useUrlFilters();
  const [adding, setAdding] = useState(false);
  const roles = useMyRoles();
  const canAdd = mayWriteDirectory(roles);
  const catalogs = useCatalogs();
  const filters = Object.fromEntries(PEOPLE_FILTERS.map((k) => [k, values[k]]));
  const paging = pageQuery(values);
  const people = usePeople({ ...filters, ...paging });
  const filtered = hasPeopleFilters(values);

  const columns: ColumnsType<Person> = [
    {
      key: 'fullName',
      title: t('person.fullName'),
      sorter: true,
      sortOrder: sortOrderOf(values, 'fullName'),
      render: (_, p) => (
        <Flex gap={6} wrap align="center">
          <Link to={`/people/${p.id}`}>{p.fullName}</Link>
          {p.youngSpecialist ? <Tag color="green">{t('person.youngSpecialist')}</Tag> : null}
        </Flex>
      ),
    },
    {
      key: 'organization',
      title: t('person.organization'),
      sorter: true,
      sortOrder: sortOrderOf(values, 'organization'),
      render: (_, p) =>
        p.organizationId ? <Link to={`/organizations/${p.organizationId}`}>{p.organizationName}</Link> : null,
    },
    {
      key: 'position',
      dataIndex: 'position',
      title: t('person.position'),
      sorter: true,
      sortOrder: sortOrderOf(values, 'position'),
    },
    {
      key: 'subjects',
      title: t('person.subjects'),
      render: (_, p) => p.subjects.join(', '),
    },
    {
      key: 'experienceStart',
      title: t('person.experience'),
      sorter: true,
      sortOrder: sortOrderOf(values, 'experienceStart', true),
      render: (_, p) => (p.experienceYears === null ? '' : t('person.years', { count: p.experienceYears })),
    },
    {
      key: 'category',
      title: t('person.category'),
      sorter: true,
      sortOrder: sortOrderOf(values, 'category'),
      render: (_, p) => labelOf(catalogs.data?.qualificationCategories, p.category),
    },
    {
      key: 'status',
      title: t('person.status'),
      render: (_, p) =>
        p.status === 'left' ? <Tag>{t('status.left')}</Tag> : <Tag color="blue">{t('status.active')}</Tag>,
    },
  ];

  const empty = (
    <Empty
      description={
        filtered ? t('people.emptyFiltered') : canAdd ? t('people.emptyCanAdd') : t('people.emptyReadOnly')
      }
    >
      {filtered ? (
        <Button onClick={() => set(Object.fromEntries(PEOPLE_FILTERS.map((k) => [k, undefined])))}>
          {t('common.resetFilters')}
        </Button>
      ) : canAdd ? (
        <Flex gap={8} justify="center">
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('people.add')}
          </Button>
          <Link to="/imports">{t('people.toImport')}</Link>
        </Flex>
      ) : null}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('people.title')}
        extra={
          <>
            <ExportButton
              path="/people/export.xlsx"
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
      <PeopleFilters values={values} set={set} />
      <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />
      <Typography.Paragraph aria-live="polite" data-testid="people-count">
        {people.data ? t('people.found', { count: people.data.total }) : '\u00a0'}
      </Typography.Paragraph>
      <Table<Person>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={people.data?.items ?? []}
        loading={people.isFetching}
        locale={{ emptyText: people.isLoading ? ' ' : empty }}
        onChange={tableChangeHandler(values, set, SORT_COLUMNS)}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: people.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          hideOnSinglePage: false,
        }}
        scroll={{ x: 900 }}
      />
      <PersonCreateModal open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

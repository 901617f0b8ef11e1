// «Педагоги»: the people list with server paging, Russian-order sorting, filters in the URL, export and add.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/useMe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { useListParams } from '../../components/useListParams';
import { mayAddPeople } from './directory.access';
import { type Person, shortCategoryLabel, useCatalogs, usePeople } from './directory.api';
import { PeopleFilters } from './PeopleFilters';
import { PersonCreateModal } from './PersonCreateModal';

/** «Стаж» is sorted by its start date, so its visible order is the reverse of the server's. */
const INVERTED = 'experienceStart';
const flip = (o: SortOrder | undefined): SortOrder =>
  o === 'ascend' ? 'descend' : o === 'descend' ? 'ascend' : null;

export function PeoplePage() {
  const { t } = useTranslation('directory');
  const list = useListParams();
  const [adding, setAdding] = useState(false);
  const canAdd = mayAddPeople(useMe().grants);
  const catalogs = useCatalogs();
  const people = usePeople(list.query);
  const filtered = list.hasFilters;
  const table = list.table(people.data?.total);
  const onChange: TableProps<Person>['onChange'] = (pagination, filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    table.onChange(pagination, filters, s?.columnKey === INVERTED ? { ...s, order: flip(s.order) } : s);
  };

  const columns: ColumnsType<Person> = [
    {
      key: 'fullName',
      title: t('person.fullName'),
      width: 260,
      sorter: true,
      sortOrder: list.sortOrder('fullName'),
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
      sortOrder: list.sortOrder('organization'),
      render: (_, p) =>
        p.organizationId ? <Link to={`/organizations/${p.organizationId}`}>{p.organizationName}</Link> : null,
    },
    {
      key: 'position',
      dataIndex: 'position',
      title: t('person.position'),
      sorter: true,
      sortOrder: list.sortOrder('position'),
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
      sortOrder: flip(list.sortOrder(INVERTED)),
      render: (_, p) => (p.experienceYears === null ? '' : t('person.years', { count: p.experienceYears })),
    },
    {
      key: 'category',
      title: t('person.category'),
      sorter: true,
      sortOrder: list.sortOrder('category'),
      render: (_, p) => shortCategoryLabel(catalogs.data?.qualificationCategories, p.category),
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
        <Button onClick={list.reset}>{t('common.resetFilters')}</Button>
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
      <PeopleFilters list={list} />
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
        onChange={onChange}
        pagination={{ ...table.pagination, showTotal: undefined }}
        scroll={{ x: 900 }}
      />
      <PersonCreateModal open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

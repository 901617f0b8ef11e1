// The people of one organisation on its card, with a link to the full filtered list.
import { Flex, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type Person, usePeople } from './directory.api';

const SHOWN = 10;

export function OrganizationPeople({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('directory');
  const people = usePeople({ organizationId, pageSize: SHOWN, sort: 'fullName', order: 'asc' });
  const total = people.data?.total ?? 0;
  return (
    <>
      <ErrorAlert error={people.error} />
      <Table<Person>
        rowKey="id"
        size="small"
        pagination={false}
        loading={people.isLoading}
        dataSource={people.data?.items ?? []}
        locale={{ emptyText: t('organizations.noPeople') }}
        columns={[
          {
            key: 'fullName',
            title: t('person.fullName'),
            render: (_, p) => (
              <Flex gap={6} wrap>
                <Link to={`/people/${p.id}`}>{p.fullName}</Link>
                {p.youngSpecialist ? <Tag color="green">{t('person.youngSpecialist')}</Tag> : null}
              </Flex>
            ),
          },
          { key: 'position', dataIndex: 'position', title: t('person.position') },
          { key: 'subjects', title: t('person.subjects'), render: (_, p) => p.subjects.join(', ') },
        ]}
      />
      {total > 0 ? (
        <p style={{ marginTop: 8 }}>
          <Link to={`/people?organizationId=${organizationId}`}>
            {t('organizations.allPeople', { count: total })}
          </Link>
        </p>
      ) : null}
    </>
  );
}

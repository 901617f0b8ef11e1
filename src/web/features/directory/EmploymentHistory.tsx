// Where the person has worked: organisation, position, from – to.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { type Employment, useEmployment } from './directory.api';

export function EmploymentHistory({ personId }: { personId: string }) {
  const { t } = useTranslation('directory');
  const history = useEmployment(personId);
  return (
    <>
      <ErrorAlert error={history.error} />
      <Table<Employment>
        rowKey={(e) => `${e.organizationId}-${e.from ?? ''}`}
        size="small"
        pagination={false}
        loading={history.isLoading}
        dataSource={history.data?.items ?? []}
        locale={{ emptyText: t('employment.empty') }}
        columns={[
          {
            key: 'organization',
            title: t('person.organization'),
            render: (_, e) => <Link to={`/organizations/${e.organizationId}`}>{e.organizationName}</Link>,
          },
          { key: 'position', dataIndex: 'position', title: t('person.position') },
          { key: 'from', title: t('employment.from'), render: (_, e) => formatDate(e.from) },
          {
            key: 'to',
            title: t('employment.to'),
            render: (_, e) => (e.to ? formatDate(e.to) : t('employment.now')),
          },
        ]}
      />
    </>
  );
}

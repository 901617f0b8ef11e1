// An organisation's card (/organizations/:id): details, its people, edit and delete.
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useMe } from '../../app/useMe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { confirmDelete, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { mayAddPeople, mayManageOrganizations } from './directory.access';
import { type Organization, type OrganizationInput, useCrud, useOrganization } from './directory.api';
import { OrganizationDetails } from './OrganizationDetails';
import { OrganizationForm } from './OrganizationForm';
import { OrganizationPeople } from './OrganizationPeople';
import { PersonCreateModal } from './PersonCreateModal';

export function OrganizationPage() {
  const { t } = useTranslation('directory');
  const { id } = useParams();
  const navigate = useNavigate();
  const { grants } = useMe();
  const org = useOrganization(id);
  const { update, remove } = useCrud<Organization, OrganizationInput>('organizations');
  const [editing, setEditing] = useState(false);
  const [addingPerson, setAddingPerson] = useState(false);
  const back = (
    <Link to="/organizations">
      <ArrowLeftOutlined aria-hidden /> {t('organizations.backToList')}
    </Link>
  );

  if (org.error instanceof ApiError && org.error.status === 404)
    return (
      <Result
        status="404"
        title={t('organizations.notFound')}
        extra={<Link to="/organizations">{t('organizations.backToList')}</Link>}
      />
    );
  if (org.error) return <ErrorAlert error={org.error} onRetry={() => void org.refetch()} />;
  if (!org.data) return <Skeleton active />;
  const o = org.data;
  const canEdit = o.canEdit;
  const canDelete = o.canEdit && mayManageOrganizations(grants);

  const onDelete = () =>
    confirmDelete({
      name: o.shortName,
      content: o.peopleCount > 0 ? t('organizations.deleteWithPeople', { count: o.peopleCount }) : undefined,
      onConfirm: async () => {
        await remove.mutateAsync(o.id);
        notifySuccess(t('organizations.deleted', { name: o.shortName }));
        navigate('/organizations', { replace: true });
      },
    });

  return (
    <>
      <PageHeader
        back={back}
        title={o.shortName}
        extra={
          editing ? null : (
            <>
              {canEdit ? (
                <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                  {t('common:actions.edit')}
                </Button>
              ) : null}
              {canDelete ? (
                <Button danger icon={<DeleteOutlined aria-hidden />} onClick={onDelete}>
                  {t('common:actions.delete')}
                </Button>
              ) : null}
            </>
          )
        }
      />
      {editing ? (
        <Card title={t('organizations.editTitle')}>
          <OrganizationForm
            organization={o}
            onCancel={() => setEditing(false)}
            onSubmit={async (body) => {
              await update.mutateAsync({ id: o.id, body });
              notifySuccess(t('common:common.saved'));
              setEditing(false);
            }}
          />
        </Card>
      ) : (
        <OrganizationDetails organization={o} />
      )}
      <Flex justify="space-between" align="center" style={{ marginTop: 24, marginBottom: 8 }}>
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('organizations.people', { count: o.peopleCount })}
        </Typography.Title>
        {mayAddPeople(grants) ? (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAddingPerson(true)}>
            {t('people.add')}
          </Button>
        ) : null}
      </Flex>
      <OrganizationPeople organizationId={o.id} />
      <PersonCreateModal open={addingPerson} onClose={() => setAddingPerson(false)} organizationId={o.id} />
    </>
  );
}

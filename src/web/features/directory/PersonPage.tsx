// A person's card (/people/:id): details, employment history, edit and delete.
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, TrophyOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useMe } from '../../app/useMe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { confirmDelete, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { type Person, type PersonInput, useCrud, usePerson } from './directory.api';
import { EmploymentHistory } from './EmploymentHistory';
import { PersonDetails } from './PersonDetails';
import { PersonForm } from './PersonForm';

export function PersonPage() {
  const { t } = useTranslation('directory');
  const { id } = useParams();
  const navigate = useNavigate();
  const person = usePerson(id);
  const { me } = useMe();
  const { update, remove } = useCrud<Person, PersonInput>('people');
  const [editing, setEditing] = useState(false);
  const back = (
    <Link to="/people">
      <ArrowLeftOutlined aria-hidden /> {t('people.backToList')}
    </Link>
  );

  if (person.error instanceof ApiError && person.error.status === 404)
    return (
      <Result
        status="404"
        title={t('people.notFound')}
        extra={<Link to="/people">{t('people.backToList')}</Link>}
      />
    );
  if (person.error) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  if (!person.data) return <Skeleton active />;
  const p = person.data;

  const onDelete = () =>
    confirmDelete({
      name: p.fullName,
      onConfirm: async () => {
        await remove.mutateAsync(p.id);
        notifySuccess(t('people.deleted', { name: p.fullName }));
        navigate('/people', { replace: true });
      },
    });

  return (
    <>
      <PageHeader
        back={back}
        title={p.fullName}
        subtitle={
          <Flex gap={6} wrap component="span">
            {p.youngSpecialist ? <Tag color="green">{t('person.youngSpecialist')}</Tag> : null}
            {p.position ? <Typography.Text type="secondary">{p.position}</Typography.Text> : null}
          </Flex>
        }
        extra={
          (p.canEdit || me?.personId === p.id) && !editing ? (
            <>
              <Button
                icon={<TrophyOutlined aria-hidden />}
                onClick={() => navigate(`/people/${p.id}/portfolio`)}
              >
                {t('person.portfolio')}
              </Button>
              {p.canEdit ? (
                <>
                  <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                    {t('common:actions.edit')}
                  </Button>
                  <Button danger icon={<DeleteOutlined aria-hidden />} onClick={onDelete}>
                    {t('common:actions.delete')}
                  </Button>
                </>
              ) : null}
            </>
          ) : null
        }
      />
      {editing ? (
        <Card title={t('people.editTitle')} style={{ marginBottom: 16 }}>
          <PersonForm
            person={p}
            onCancel={() => setEditing(false)}
            onSubmit={async (body) => {
              await update.mutateAsync({ id: p.id, body });
              notifySuccess(t('common:common.saved'));
              setEditing(false);
            }}
          />
        </Card>
      ) : (
        <PersonDetails person={p} />
      )}
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {t('employment.title')}
      </Typography.Title>
      <EmploymentHistory personId={p.id} />
    </>
  );
}

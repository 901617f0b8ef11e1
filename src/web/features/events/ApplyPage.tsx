// /events/:id/apply — a teacher's new application: saved as a draft, or saved and submitted at once.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { ApplicationForm } from './ApplicationForm';
import { type Application, useAction, useEvent } from './events.api';

export function ApplyPage() {
  const { id } = useParams();
  const { t } = useTranslation('events');
  const navigate = useNavigate();
  const ev = useEvent(id);
  const create = useAction(
    (body: unknown) => api.post<Application>(`/events/${id}/applications`, body),
    ['applications'],
  );
  if (ev.isLoading) return <PageLoading />;
  if (!ev.data) return <ErrorAlert error={ev.error} />;
  return (
    <>
      <PageHeader
        back={<Link to={`/events/${id}`}>{t('apps.back')}</Link>}
        title={t('apps.applyTitle', { title: ev.data.title })}
      />
      {!ev.data.applicationsOpen ? (
        <Alert type="warning" showIcon title={t('apps.closed')} style={{ marginBottom: 16 }} />
      ) : null}
      <ApplicationForm
        eventId={id}
        onCancel={() => navigate(`/events/${id}`)}
        onSave={async (body, submit) => {
          const created = await create.mutateAsync(body);
          if (submit) {
            try {
              await api.post(`/applications/${created.id}/submit`);
              notifySuccess(t('apps.submitted'));
            } finally {
              navigate(`/applications/${created.id}`);
            }
          } else {
            notifySuccess(t('apps.saved'));
            navigate(`/applications/${created.id}`);
          }
        }}
      />
    </>
  );
}

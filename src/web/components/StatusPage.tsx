// Full-width friendly message for 403 / 404 / unexpected errors, with a way back home.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export type StatusPageProps = { status: 403 | 404 | 'error'; title?: string; description?: string };

export function StatusPage({ status, title, description }: StatusPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const defaults =
    status === 403
      ? { title: t('errors.forbiddenTitle'), description: t('errors.forbidden') }
      : status === 404
        ? { title: t('errors.notFoundTitle'), description: t('errors.notFound') }
        : { title: t('errors.title'), description: t('errors.unknown') };
  return (
    <Result
      status={status === 'error' ? 'error' : status === 403 ? '403' : '404'}
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{title ?? defaults.title}</h1>}
      subTitle={description ?? defaults.description}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('actions.toHome')}
        </Button>
      }
    />
  );
}

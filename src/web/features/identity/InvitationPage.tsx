// Invitation acceptance (/invite/accept?token=…): shows whom it is for, then the invitee sets a password.
import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { AuthCard } from './AuthCard';
import { NewPasswordForm } from './NewPasswordForm';

type InvitationCheck = { email: string; name: string };

export function InvitationPage() {
  const { t } = useTranslation('identity');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const check = useQuery({
    queryKey: ['invitation-check', token],
    queryFn: () => api.get<InvitationCheck>('/invitations/check', { token }),
    enabled: token.length > 0,
  });
  const invalid =
    !token || (check.error instanceof ApiError && (check.error.status === 404 || check.error.status === 400));

  return (
    <AuthCard title={t('invite.title')}>
      {invalid ? (
        <Alert type="error" showIcon role="alert" title={t('invite.invalid')} />
      ) : check.isLoading ? (
        <PageLoading />
      ) : check.error ? (
        <ErrorAlert error={check.error} onRetry={() => void check.refetch()} />
      ) : check.data ? (
        <>
          <Typography.Paragraph>
            {t('invite.forWhom', { name: check.data.name, email: check.data.email })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('reset.intro')}</Typography.Paragraph>
          <NewPasswordForm
            token={token}
            submitLabel={t('invite.submit')}
            onDone={() =>
              navigate(`/sign-in?notice=invited&email=${encodeURIComponent(check.data?.email ?? '')}`, {
                replace: true,
              })
            }
          />
        </>
      ) : null}
    </AuthCard>
  );
}

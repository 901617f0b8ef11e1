// Sets a new password from the e-mailed link (/reset-password?token=…), then sends the user to sign in.
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from './AuthCard';
import { NewPasswordForm } from './NewPasswordForm';

export function ResetPasswordPage() {
  const { t } = useTranslation('identity');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token');
  const linkError = params.get('error');

  return (
    <AuthCard title={t('reset.title')}>
      {!token || linkError ? (
        <>
          <Alert type="error" showIcon role="alert" title={t('reset.noToken')} style={{ marginBottom: 16 }} />
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </>
      ) : (
        <>
          <Typography.Paragraph>{t('reset.intro')}</Typography.Paragraph>
          <NewPasswordForm
            token={token}
            submitLabel={t('reset.submit')}
            onDone={() => navigate('/sign-in?notice=password-changed', { replace: true })}
          />
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </>
      )}
    </AuthCard>
  );
}

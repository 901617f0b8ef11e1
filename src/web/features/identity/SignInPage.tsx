// Sign-in with e-mail and password; afterwards goes to `next` or home.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ME_KEY, useMe } from '../../app/useMe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AuthCard } from './AuthCard';
import { safeNext } from './safeNext';

type Values = { email: string; password: string };

export function SignInPage() {
  const { t } = useTranslation('identity');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { me } = useMe();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  const notice = params.get('notice');

  if (me) return <Navigate to={next} replace />;

  async function onFinish(values: Values) {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/sign-in/email', { email: values.email.trim(), password: values.password });
      await queryClient.resetQueries({ queryKey: ME_KEY });
      navigate(next, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('signIn.title')}>
      {notice === 'password-changed' && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('signIn.passwordChanged')} />
      )}
      {notice === 'invited' && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('signIn.invitationAccepted')} />
      )}
      <ErrorAlert error={error} />
      <Form<Values>
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        disabled={busy}
        initialValues={{ email: params.get('email') ?? '' }}
      >
        <Form.Item
          label={t('signIn.email')}
          name="email"
          rules={[
            { required: true, whitespace: true, message: t('signIn.emailRequired') },
            { type: 'email', message: t('signIn.emailInvalid') },
          ]}
        >
          <Input type="email" autoComplete="username" autoFocus inputMode="email" />
        </Form.Item>
        <Form.Item
          label={t('signIn.password')}
          name="password"
          rules={[{ required: true, message: t('signIn.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 12 }}>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn.submit')}
          </Button>
        </Form.Item>
      </Form>
      <Link to="/forgot-password">{t('signIn.forgot')}</Link>
    </AuthCard>
  );
}

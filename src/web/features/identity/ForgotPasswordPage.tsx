// Asks for a password-reset e-mail; always answers the same way, so it does not reveal who has an account.
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AuthCard } from './AuthCard';

type Values = { email: string };

export function ForgotPasswordPage() {
  const { t } = useTranslation('identity');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function onFinish(values: Values) {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/request-password-reset', {
        email: values.email.trim(),
        redirectTo: '/reset-password',
      });
      setSent(true);
    } catch (e) {
      // Only a rate limit or a network problem is worth showing; anything else looks like success.
      if (e instanceof ApiError && e.status !== 429 && e.status < 500) setSent(true);
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('forgot.title')}>
      {sent ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('forgot.sent')}
          description={t('forgot.sentHint')}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <>
          <Typography.Paragraph>{t('forgot.intro')}</Typography.Paragraph>
          <ErrorAlert error={error} />
          <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
            <Form.Item
              label={t('signIn.email')}
              name="email"
              rules={[
                { required: true, whitespace: true, message: t('signIn.emailRequired') },
                { type: 'email', message: t('signIn.emailInvalid') },
              ]}
            >
              <Input type="email" autoComplete="email" autoFocus inputMode="email" />
            </Form.Item>
            <Form.Item style={{ marginBottom: 12 }}>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t('forgot.submit')}
              </Button>
            </Form.Item>
          </Form>
        </>
      )}
      <Link to="/sign-in">{t('forgot.back')}</Link>
    </AuthCard>
  );
}

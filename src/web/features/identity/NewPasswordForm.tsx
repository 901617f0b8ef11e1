// Two password fields (≥ 8 characters, must match) that set a password with a reset or invitation token.
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

type Values = { newPassword: string; repeat: string };

export const PASSWORD_MIN = 8;

export function NewPasswordForm({
  token,
  submitLabel,
  onDone,
}: {
  token: string;
  submitLabel: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('identity');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function onFinish(values: Values) {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/reset-password', { newPassword: values.newPassword, token });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorAlert error={error} />
      <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
        <Form.Item
          label={t('reset.newPassword')}
          name="newPassword"
          rules={[
            { required: true, message: t('reset.required') },
            { min: PASSWORD_MIN, message: t('reset.tooShort') },
          ]}
          hasFeedback
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('reset.repeat')}
          name="repeat"
          dependencies={['newPassword']}
          hasFeedback
          rules={[
            { required: true, message: t('reset.repeatRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('reset.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 12 }}>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {submitLabel}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

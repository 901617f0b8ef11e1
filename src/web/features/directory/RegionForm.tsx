// Add or edit a region: name and optional code (e.g. the region's number).
import { Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Region } from './directory.api';
import { markFieldErrors } from './formErrors';

export type RegionInput = { name: string; code?: string | null };
type Props = { region?: Region; onSubmit: (body: RegionInput) => Promise<unknown>; onCancel: () => void };

export function RegionForm({ region, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('directory');
  const [form] = Form.useForm<{ name: string; code?: string }>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ name: region?.name, code: region?.code ?? undefined }}
      onValuesChange={() => setError(null)}
      onFinish={async (v) => {
        setSaving(true);
        try {
          const code = v.code?.trim() || null;
          await onSubmit({ name: v.name.trim(), ...(code || region?.code ? { code } : {}) });
        } catch (e) {
          markFieldErrors(form, e, ['name', 'code']);
          setError(e);
        } finally {
          setSaving(false);
        }
      }}
    >
      <ErrorAlert error={error} />
      <Form.Item
        name="name"
        label={t('region.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.regionName') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="code" label={t('region.code')} extra={t('region.codeHint')}>
        <Input maxLength={20} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common:actions.save')}
        </Button>
        <Button onClick={onCancel}>{t('common:actions.cancel')}</Button>
      </Flex>
    </Form>
  );
}

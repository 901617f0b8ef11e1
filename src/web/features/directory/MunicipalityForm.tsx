// Add or edit a municipality: its region and name.
import { Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RegionSelect } from '../common/PlaceSelects';
import type { Municipality } from './directory.api';
import { markFieldErrors } from './formErrors';

export type MunicipalityInput = { regionId: string; name: string };
type Props = {
  municipality?: Municipality;
  /** region preselected for a new municipality */
  regionId?: string;
  onSubmit: (body: MunicipalityInput) => Promise<unknown>;
  onCancel: () => void;
};

export function MunicipalityForm({ municipality, regionId, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('directory');
  const [form] = Form.useForm<MunicipalityInput>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ name: municipality?.name, regionId: municipality?.regionId ?? regionId }}
      onValuesChange={() => setError(null)}
      onFinish={async (v) => {
        setSaving(true);
        try {
          await onSubmit({ regionId: v.regionId, name: v.name.trim() });
        } catch (e) {
          markFieldErrors(form, e, ['name', 'regionId']);
          setError(e);
        } finally {
          setSaving(false);
        }
      }}
    >
      <ErrorAlert error={error} />
      <Form.Item
        name="regionId"
        label={t('municipality.region')}
        rules={[{ required: true, message: t('validation.region') }]}
      >
        <RegionSelect aria-label={t('municipality.region')} placeholder={t('region.choose')} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('municipality.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.municipalityName') }]}
      >
        <Input maxLength={200} />
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

// The form for adding and editing an organisation.
import { Button, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MunicipalitySelect } from '../common/PlaceSelects';
import { type Organization, type OrganizationInput, useCatalogs } from './directory.api';
import { markFieldErrors } from './formErrors';

type Values = {
  kind: OrganizationInput['kind'];
  shortName: string;
  fullName: string;
  address?: string;
  inn?: string;
  email?: string;
  phone?: string;
  municipalityId: string;
};

const FIELDS = ['kind', 'shortName', 'fullName', 'address', 'inn', 'email', 'phone', 'municipalityId'];
const OPTIONAL = ['address', 'inn', 'email', 'phone'] as const;

type Props = {
  organization?: Organization;
  onSubmit: (body: OrganizationInput) => Promise<unknown>;
  onCancel: () => void;
};

function toBody(values: Values, org: Organization | undefined): OrganizationInput {
  const body: Record<string, unknown> = {
    kind: values.kind,
    shortName: values.shortName.trim(),
    fullName: values.fullName.trim(),
    municipalityId: values.municipalityId,
  };
  for (const k of OPTIONAL) {
    const v = values[k]?.trim() || null;
    if (v !== null || (org && org[k] !== null)) body[k] = v;
  }
  return body as OrganizationInput;
}

export function OrganizationForm({ organization, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('directory');
  const [form] = Form.useForm<Values>();
  const catalogs = useCatalogs();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const required = (message: string) => [{ required: true, whitespace: true, message }];

  const submit = async (values: Values) => {
    setError(null);
    setSaving(true);
    try {
      await onSubmit(toBody(values, organization));
    } catch (e) {
      markFieldErrors(form, e, FIELDS);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={
        organization
          ? {
              kind: organization.kind,
              shortName: organization.shortName,
              fullName: organization.fullName,
              address: organization.address ?? undefined,
              inn: organization.inn ?? undefined,
              email: organization.email ?? undefined,
              phone: organization.phone ?? undefined,
              municipalityId: organization.municipalityId,
            }
          : { kind: 'school' }
      }
      onFinish={submit}
      onValuesChange={() => setError(null)}
      scrollToFirstError
    >
      <ErrorAlert error={error} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('organization.kind')} rules={[{ required: true }]}>
            <Select
              aria-label={t('organization.kind')}
              loading={catalogs.isLoading}
              options={(catalogs.data?.organizationKinds ?? []).map((k) => ({
                value: k.code,
                label: k.label,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="municipalityId"
            label={t('organization.municipality')}
            rules={[{ required: true, message: t('validation.municipality') }]}
          >
            <MunicipalitySelect
              aria-label={t('organization.municipality')}
              placeholder={t('municipality.choose')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="shortName"
            label={t('organization.shortName')}
            rules={required(t('validation.shortName'))}
            extra={t('organization.shortNameHint')}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="inn"
            label={t('organization.inn')}
            rules={[{ pattern: /^\d{10}(\d{2})?$/, message: t('validation.inn') }]}
          >
            <Input inputMode="numeric" maxLength={12} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="fullName"
            label={t('organization.fullName')}
            rules={required(t('validation.fullName'))}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('organization.address')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="email"
            label={t('organization.email')}
            rules={[{ type: 'email', message: t('validation.email') }]}
          >
            <Input inputMode="email" maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="phone"
            label={t('organization.phone')}
            rules={[{ pattern: /^[+\d\s()-]{5,30}$/, message: t('validation.phone') }]}
          >
            <Input type="tel" maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common:actions.save')}
        </Button>
        <Button onClick={onCancel}>{t('common:actions.cancel')}</Button>
      </Flex>
    </Form>
  );
}

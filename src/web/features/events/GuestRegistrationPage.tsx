// /e/:id/register — an external participant registers as a guest (S0-9): name, e-mail, password and an
// organisation from the directory, or a proposal of a new one; then signs in and goes on to apply.
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';

type Values = {
  surname: string;
  name: string;
  patronymic?: string;
  position?: string;
  email: string;
  password: string;
  organizationId?: string;
  notInDirectory?: boolean;
  proposedName?: string;
  proposedLocality?: string;
};
type Found = { id: string; shortName: string; municipalityName: string; regionName: string };

export function GuestRegistrationPage() {
  const { id } = useParams();
  const { t } = useTranslation('events');
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(h);
  }, [text]);
  const found = useQuery({
    queryKey: ['public-organizations', q],
    queryFn: () => api.get<{ items: Found[] }>('/public/organizations', { q }),
    enabled: q.length >= 2,
  });
  const notInDirectory = Form.useWatch('notInDirectory', form);
  const required = [{ required: true, whitespace: true, message: t('form.required') }];

  const submit = async (v: Values) => {
    setError(null);
    setSaving(true);
    try {
      await api.post('/public/guest-registrations', {
        surname: v.surname.trim(),
        name: v.name.trim(),
        patronymic: v.patronymic?.trim() || null,
        position: v.position?.trim() || null,
        email: v.email.trim(),
        password: v.password,
        ...(v.notInDirectory
          ? { proposedOrganization: { name: v.proposedName?.trim(), locality: v.proposedLocality?.trim() } }
          : { organizationId: v.organizationId }),
      });
      await api.post('/auth/sign-in/email', { email: v.email.trim(), password: v.password });
      window.location.assign(id ? `/events/${id}/apply` : '/events');
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div style={{ maxWidth: 760, width: '100%', minWidth: 0, margin: '0 auto' }}>
      <PageHeader
        back={id ? <Link to={`/e/${id}`}>{t('guest.back')}</Link> : undefined}
        title={t('guest.title')}
        subtitle={t('guest.subtitle')}
      />
      <Card>
        <Form<Values> form={form} layout="vertical" onFinish={submit} onValuesChange={() => setError(null)}>
          <ErrorAlert error={error} />
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="surname" label={t('guest.surname')} rules={required}>
                <Input maxLength={100} autoComplete="family-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="name" label={t('guest.name')} rules={required}>
                <Input maxLength={100} autoComplete="given-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="patronymic" label={t('guest.patronymic')}>
                <Input maxLength={100} autoComplete="additional-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="email"
                label={t('guest.email')}
                rules={[...required, { type: 'email', message: t('guest.badEmail') }]}
              >
                <Input maxLength={200} autoComplete="email" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="password"
                label={t('guest.password')}
                rules={[...required, { min: 8, message: t('guest.shortPassword') }]}
              >
                <Input.Password maxLength={200} autoComplete="new-password" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="position" label={t('guest.position')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            {!notInDirectory ? (
              <Col span={24}>
                <Form.Item
                  name="organizationId"
                  label={t('guest.organization')}
                  rules={[{ required: true, message: t('form.required') }]}
                >
                  <Select
                    showSearch={{ filterOption: false, onSearch: setText }}
                    aria-label={t('guest.organization')}
                    placeholder={t('guest.organizationHint')}
                    loading={found.isFetching}
                    notFoundContent={q.length >= 2 ? t('guest.nothingFound') : null}
                    options={(found.data?.items ?? []).map((o) => ({
                      value: o.id,
                      label: `${o.shortName} (${o.municipalityName}, ${o.regionName})`,
                    }))}
                  />
                </Form.Item>
              </Col>
            ) : null}
            <Col span={24}>
              <Form.Item name="notInDirectory" valuePropName="checked">
                <Checkbox>{t('guest.notInDirectory')}</Checkbox>
              </Form.Item>
            </Col>
            {notInDirectory ? (
              <>
                <Col xs={24} md={12}>
                  <Form.Item name="proposedName" label={t('guest.proposedName')} rules={required}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="proposedLocality" label={t('guest.proposedLocality')} rules={required}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
              </>
            ) : null}
          </Row>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('guest.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

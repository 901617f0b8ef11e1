// The application form (S0-3): form of activity from the catalogue (with the form's own fields when it asks
// them, e.g. grade and subject for an open lesson), topic, annotation, co-presenters, duration, audience, needs;
// at a research-practice conference also the section and the product of the applicant's ИОП (S2-4).
import { Button, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  type Application,
  type ApplicationInput,
  type FormField,
  useActivityForms,
  useEvent,
} from './events.api';
import { MultiPlaceSelect } from './MultiPlaceSelect';
import { useSections } from './sections.api';

type Values = Omit<ApplicationInput, 'extra'> & { extra?: Record<string, string | number> };

type Props = {
  application?: Application;
  /** the event applied to, when there is no application yet */
  eventId?: string;
  /** `submit` true: save and submit in one go */
  onSave: (body: ApplicationInput, submit: boolean) => Promise<unknown>;
  onCancel: () => void;
};

function FieldInput({ f }: { f: FormField }) {
  if (f.type === 'select')
    return (
      <Select
        aria-label={f.label}
        showSearch
        options={(f.options ?? []).map((o) => ({ value: o, label: o }))}
      />
    );
  if (f.type === 'number') return <InputNumber aria-label={f.label} style={{ width: '100%' }} />;
  return <Input aria-label={f.label} maxLength={500} />;
}

export function ApplicationForm({ application, eventId, onSave, onCancel }: Props) {
  const { t } = useTranslation('events');
  const [form] = Form.useForm<Values>();
  const forms = useActivityForms();
  const ev = useEvent(application?.eventId ?? eventId);
  const conference = ev.data?.kind === 'research_conference';
  const sections = useSections(ev.data?.id, conference);
  const sectionOptions = (sections.data?.items ?? []).map((s) => ({
    value: s.id,
    label: s.subject && s.subject !== s.title ? `${s.title} (${s.subject})` : s.title,
  }));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const formId = Form.useWatch('formId', form);
  const chosen = forms.data?.items.find((f) => f.id === formId);

  const save = async (submit: boolean) => {
    setError(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(submit ? 'submit' : 'draft');
    try {
      const extra: Record<string, string | number> = {};
      for (const f of chosen?.fields ?? []) {
        const x = v.extra?.[f.key];
        if (x !== undefined && x !== null && x !== '') extra[f.key] = x;
      }
      await onSave(
        {
          formId: v.formId,
          // only what the form showed: a section list still loading must not clear the section
          ...(conference && sectionOptions.length > 0 ? { sectionId: v.sectionId ?? null } : {}),
          ...(conference ? { product: v.product?.trim() || null } : {}),
          topic: v.topic.trim(),
          annotation: v.annotation?.trim() || null,
          durationMinutes: v.durationMinutes ?? null,
          expectedAudience: v.expectedAudience?.trim() || null,
          audienceSize: v.audienceSize ?? null,
          equipment: v.equipment?.trim() || null,
          roomNeeds: v.roomNeeds?.trim() || null,
          extra,
          coPresenterIds: v.coPresenterIds ?? [],
        },
        submit,
      );
    } catch (e) {
      setError(e);
    } finally {
      setSaving(null);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onValuesChange={() => setError(null)}
      initialValues={
        application
          ? {
              formId: application.form.id,
              sectionId: application.sectionId ?? undefined,
              product: application.product ?? undefined,
              topic: application.topic,
              annotation: application.annotation ?? undefined,
              durationMinutes: application.durationMinutes,
              expectedAudience: application.expectedAudience ?? undefined,
              audienceSize: application.audienceSize,
              equipment: application.equipment ?? undefined,
              roomNeeds: application.roomNeeds ?? undefined,
              extra: application.extra as Record<string, string | number>,
              coPresenterIds: application.coPresenters.map((p) => p.id),
            }
          : { coPresenterIds: [] }
      }
    >
      <ErrorAlert error={error} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="formId"
            label={t('apps.form')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Select
              aria-label={t('apps.form')}
              loading={forms.isLoading}
              options={(forms.data?.items ?? []).map((f) => ({ value: f.id, label: f.title }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="durationMinutes" label={t('apps.durationMinutes')}>
            <InputNumber min={5} max={600} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {(chosen?.fields ?? []).map((f) => (
          <Col xs={24} md={12} key={f.key}>
            <Form.Item
              name={['extra', f.key]}
              label={f.label}
              rules={f.required ? [{ required: true, message: t('form.required') }] : []}
            >
              <FieldInput f={f} />
            </Form.Item>
          </Col>
        ))}
        {conference && sectionOptions.length > 0 ? (
          <Col span={24}>
            <Form.Item name="sectionId" label={t('iop.section')} extra={t('iop.sectionHint')}>
              <Select aria-label={t('iop.section')} allowClear options={sectionOptions} />
            </Form.Item>
          </Col>
        ) : null}
        <Col span={24}>
          <Form.Item name="topic" label={t('apps.topic')} rules={required}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="annotation" label={t('apps.annotation')}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="coPresenterIds" label={t('apps.coPresenters')}>
            <MultiPlaceSelect
              kind="people"
              known={application?.coPresenters}
              aria-label={t('apps.coPresenters')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="expectedAudience" label={t('apps.expectedAudience')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="audienceSize" label={t('apps.audienceSize')}>
            <InputNumber min={1} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="equipment" label={t('apps.equipment')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="roomNeeds" label={t('apps.roomNeeds')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
        {conference ? (
          <Col span={24}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('iop.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('iop.hint')}</Typography.Paragraph>
            <Form.Item name="product" label={t('iop.product')}>
              <Input.TextArea rows={2} maxLength={2000} placeholder={t('iop.productPlaceholder')} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Flex gap={8} justify="end" wrap>
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
        <Button loading={saving === 'draft'} onClick={() => void save(false)}>
          {t('apps.saveDraft')}
        </Button>
        <Button type="primary" loading={saving === 'submit'} onClick={() => void save(true)}>
          {t('apps.submit')}
        </Button>
      </Flex>
    </Form>
  );
}

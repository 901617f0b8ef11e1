// Create/edit an event: kind, title, theme, host, dates (with the 2–6 day rule shown as you pick), venue, audience.
import { Alert, Button, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrganizationSelect } from '../common/PlaceSelects';
import { markFieldErrors } from '../directory/formErrors';
import { daysBetween, EVENT_KINDS, type EventDetail, type EventInput, type EventKind } from './events.api';
import { MultiPlaceSelect } from './MultiPlaceSelect';

type Values = {
  kind: EventKind;
  title: string;
  theme?: string;
  description?: string;
  hostOrganizationId: string;
  dates: [Dayjs, Dayjs];
  venue?: string;
  audienceOrganizationIds: string[];
  audienceMunicipalityIds: string[];
  capPerOrganization?: number | null;
};

const FIELDS = ['kind', 'title', 'theme', 'description', 'hostOrganizationId', 'venue', 'dates'];
const ISO = 'YYYY-MM-DD';

/** The problem with a date range, in words, or null: end before start, or a session outside 2–6 days. */
export function datesProblem(
  kind: string | undefined,
  start: string | undefined,
  end: string | undefined,
  t: (k: string, o?: Record<string, unknown>) => string,
): string | null {
  if (!start || !end) return null;
  if (end < start) return t('form.endBeforeStart');
  const days = daysBetween(start, end);
  if (kind === 'pedagogical_session' && (days < 2 || days > 6))
    return t('form.sessionTooShort', { days: t('days', { count: days }) });
  return null;
}

type Props = { event?: EventDetail; onSubmit: (body: EventInput) => Promise<unknown>; onCancel: () => void };

export function EventForm({ event, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('events');
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const dates = Form.useWatch('dates', form);
  const start = dates?.[0]?.format(ISO);
  const end = dates?.[1]?.format(ISO);
  const problem = datesProblem(kind, start, end, t);

  const submit = async (v: Values) => {
    setError(null);
    setSaving(true);
    try {
      await onSubmit({
        kind: v.kind,
        title: v.title.trim(),
        theme: v.theme?.trim() || null,
        description: v.description?.trim() || null,
        hostOrganizationId: v.hostOrganizationId,
        startDate: v.dates[0].format(ISO),
        endDate: v.dates[1].format(ISO),
        venue: v.venue?.trim() || null,
        audienceOrganizationIds: v.audienceOrganizationIds ?? [],
        audienceMunicipalityIds: v.audienceMunicipalityIds ?? [],
        capPerOrganization: v.capPerOrganization ?? null,
      });
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
      onFinish={submit}
      onValuesChange={() => setError(null)}
      initialValues={
        event
          ? {
              kind: event.kind,
              title: event.title,
              theme: event.theme ?? undefined,
              description: event.description ?? undefined,
              hostOrganizationId: event.hostOrganizationId,
              dates: [dayjs(event.startDate), dayjs(event.endDate)],
              venue: event.venue ?? undefined,
              audienceOrganizationIds: event.audienceOrganizations.map((o) => o.id),
              audienceMunicipalityIds: event.audienceMunicipalities.map((m) => m.id),
              capPerOrganization: event.capPerOrganization,
            }
          : { kind: 'pedagogical_session', audienceOrganizationIds: [], audienceMunicipalityIds: [] }
      }
    >
      <ErrorAlert error={error} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true }]}>
            <Select
              aria-label={t('field.kind')}
              options={EVENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="hostOrganizationId"
            label={t('field.host')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <OrganizationSelect aria-label={t('field.host')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="title"
            label={t('field.title')}
            rules={[{ required: true, whitespace: true, message: t('form.required') }]}
          >
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="theme" label={t('field.theme')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="dates"
            label={t('field.dates')}
            rules={[{ required: true, message: t('form.required') }]}
            validateStatus={problem ? 'error' : undefined}
            help={problem ?? (kind === 'pedagogical_session' ? t('form.sessionRule') : undefined)}
          >
            <DatePicker.RangePicker
              format="DD.MM.YYYY"
              style={{ width: '100%' }}
              aria-label={t('field.dates')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="venue" label={t('field.venue')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="description" label={t('field.description')}>
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="audienceOrganizationIds" label={t('field.audienceOrganizations')}>
            <MultiPlaceSelect
              kind="organizations"
              known={event?.audienceOrganizations}
              aria-label={t('field.audienceOrganizations')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="audienceMunicipalityIds" label={t('field.audienceMunicipalities')}>
            <MultiPlaceSelect
              kind="municipalities"
              known={event?.audienceMunicipalities}
              aria-label={t('field.audienceMunicipalities')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="capPerOrganization" label={t('field.capPerOrganization')}>
            <InputNumber min={1} max={1000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {problem ? <Alert type="warning" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      <Flex gap={8} justify="end" wrap>
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} disabled={!!problem}>
          {t('form.save')}
        </Button>
      </Flex>
    </Form>
  );
}

// The form for adding and editing a person: every field labelled, dates dd.MM.yyyy, catalogues from the server.
import { AutoComplete, Button, Col, DatePicker, Flex, Form, Input, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrganizationSelect } from '../common/PlaceSelects';
import { DATE_FORMAT, fromDayjs, toDayjs } from './dates';
import { type Person, type PersonInput, useCatalogs } from './directory.api';
import { markFieldErrors } from './formErrors';

type Values = {
  surname: string;
  name: string;
  patronymic?: string;
  gender?: 'male' | 'female';
  email?: string;
  phone?: string;
  birthDate?: Dayjs | null;
  organizationId?: string;
  position?: string;
  subjects?: string[];
  experienceStart?: Dayjs | null;
  category?: string;
  categoryDate?: Dayjs | null;
  status: 'active' | 'left';
};

const FIELDS = [
  'surname',
  'name',
  'patronymic',
  'gender',
  'email',
  'phone',
  'birthDate',
  'organizationId',
  'position',
  'subjects',
  'experienceStart',
  'category',
  'categoryDate',
  'status',
];

type Props = {
  /** the person being edited; absent when adding */
  person?: Person;
  /** organisation preselected when adding from an organisation's card */
  organizationId?: string;
  onSubmit: (body: PersonInput) => Promise<unknown>;
  onCancel: () => void;
};

function initialValues(person: Person | undefined, organizationId: string | undefined): Partial<Values> {
  if (!person) return { status: 'active', subjects: [], category: 'none', organizationId };
  return {
    surname: person.surname,
    name: person.name,
    patronymic: person.patronymic ?? undefined,
    gender: person.gender ?? undefined,
    email: person.email ?? undefined,
    phone: person.phone ?? undefined,
    birthDate: toDayjs(person.birthDate),
    organizationId: person.organizationId ?? undefined,
    position: person.position ?? undefined,
    subjects: person.subjects,
    experienceStart: toDayjs(person.experienceStart),
    category: person.category ?? 'none',
    categoryDate: toDayjs(person.categoryDate),
    status: person.status,
  };
}

/** Turns form values into the API body: trimmed text, ISO dates; when editing, a cleared field becomes null. */
function toBody(values: Values, person: Person | undefined): PersonInput {
  const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);
  const all: Record<string, unknown> = {
    surname: values.surname.trim(),
    name: values.name.trim(),
    patronymic: text(values.patronymic),
    gender: values.gender ?? null,
    email: text(values.email),
    phone: text(values.phone),
    birthDate: fromDayjs(values.birthDate),
    organizationId: values.organizationId ?? null,
    position: text(values.position),
    subjects: values.subjects ?? [],
    experienceStart: fromDayjs(values.experienceStart),
    category: values.category ?? 'none',
    categoryDate: fromDayjs(values.categoryDate),
    status: values.status,
  };
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) {
    const before = person ? (person as unknown as Record<string, unknown>)[k] : null;
    // a new person sends only what is filled in; an edit also sends null for a field the user cleared
    if (v !== null || (before !== null && before !== undefined)) body[k] = v;
  }
  return body as PersonInput;
}

export function PersonForm({ person, organizationId, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('directory');
  const [form] = Form.useForm<Values>();
  const catalogs = useCatalogs();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const category = Form.useWatch('category', form);
  const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

  const submit = async (values: Values) => {
    setError(null);
    setSaving(true);
    try {
      await onSubmit(toBody(values, person));
    } catch (e) {
      markFieldErrors(form, e, FIELDS);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const required = (message: string) => [{ required: true, whitespace: true, message }];
  const datePicker = (label: string) => (
    <DatePicker format={DATE_FORMAT} disabledDate={notFuture} style={{ width: '100%' }} aria-label={label} />
  );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues(person, organizationId)}
      onFinish={submit}
      onValuesChange={(changed: Partial<Values>) => {
        setError(null);
        // «без категории» has no date
        if (changed.category === 'none') form.setFieldValue('categoryDate', null);
      }}
      scrollToFirstError
      requiredMark
    >
      <ErrorAlert error={error} />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="surname" label={t('person.surname')} rules={required(t('validation.surname'))}>
            <Input autoComplete="off" maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="name" label={t('person.name')} rules={required(t('validation.name'))}>
            <Input autoComplete="off" maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="patronymic" label={t('person.patronymic')}>
            <Input autoComplete="off" maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="gender" label={t('person.gender')}>
            <Radio.Group
              options={[
                { value: 'female', label: t('gender.female') },
                { value: 'male', label: t('gender.male') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="email"
            label={t('person.email')}
            rules={[{ type: 'email', message: t('validation.email') }]}
          >
            <Input inputMode="email" autoComplete="off" maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="phone"
            label={t('person.phone')}
            rules={[{ pattern: /^[+\d\s()-]{5,30}$/, message: t('validation.phone') }]}
          >
            <Input type="tel" autoComplete="off" maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="birthDate" label={t('person.birthDate')}>
            {datePicker(t('person.birthDate'))}
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="organizationId" label={t('person.organization')}>
            <OrganizationSelect
              aria-label={t('person.organization')}
              placeholder={t('organization.choose')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="position" label={t('person.position')} extra={t('person.positionHint')}>
            <AutoComplete
              aria-label={t('person.position')}
              options={(catalogs.data?.positions ?? []).map((p) => ({ value: p }))}
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.value ?? '')
                    .toLowerCase()
                    .includes(input.toLowerCase()),
              }}
              allowClear
              maxLength={200}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="subjects" label={t('person.subjects')}>
            <Select
              mode="multiple"
              aria-label={t('person.subjects')}
              allowClear
              loading={catalogs.isLoading}
              options={(catalogs.data?.subjects ?? []).map((s) => ({ value: s, label: s }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="experienceStart"
            label={t('person.experienceStart')}
            extra={t('person.experienceStartHint')}
          >
            {datePicker(t('person.experienceStart'))}
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="category" label={t('person.category')}>
            <Select
              aria-label={t('person.category')}
              loading={catalogs.isLoading}
              options={(catalogs.data?.qualificationCategories ?? []).map((c) => ({
                value: c.code,
                label: c.label,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="categoryDate"
            label={t('person.categoryDate')}
            dependencies={['category']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v && (!getFieldValue('category') || getFieldValue('category') === 'none')
                    ? Promise.reject(new Error(t('validation.categoryDateWithoutCategory')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <DatePicker
              format={DATE_FORMAT}
              disabledDate={notFuture}
              style={{ width: '100%' }}
              aria-label={t('person.categoryDate')}
              disabled={!category || category === 'none'}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="status" label={t('person.status')} rules={[{ required: true }]}>
            <Select
              aria-label={t('person.status')}
              options={[
                { value: 'active', label: t('status.active') },
                { value: 'left', label: t('status.left') },
              ]}
            />
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

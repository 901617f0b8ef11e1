// Event page tab «Обратная связь» (S0-7): the forms (editable by managers), results with means, distributions
// and response rate by activity / presenter / form / event, who has not answered, XLSX export.
import {
  Button,
  Card,
  Checkbox,
  Collapse,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventForTab, EventTabMeta } from '../../app/event-tab';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { notifyError, notifySuccess } from '../../components/notify';
import { Histogram } from './Bars';
import {
  type FeedbackForm,
  type FormInput,
  percent,
  type ResultGroup,
  type ResultsBy,
  resultsXlsxUrl,
  useEventForms,
  useMissing,
  useResults,
  useSaveForms,
} from './feedback.api';

export const tab: EventTabMeta = {
  key: 'feedback',
  labelKey: 'feedback:tab',
  order: 70,
  roles: ['admin', 'methodologist'],
};

export default function EventTabFeedback({ event }: { event: EventForTab }) {
  const { t } = useTranslation('feedback');
  const [by, setBy] = useState<ResultsBy>('activity');
  return (
    <Flex vertical gap={16}>
      <FormsCard eventId={event.id} canManage={event.canManage} />
      <Card
        size="small"
        title={t('results')}
        extra={<Button href={resultsXlsxUrl(event.id, by)}>{t('xlsx')}</Button>}
      >
        <Segmented<ResultsBy>
          value={by}
          onChange={setBy}
          options={(['activity', 'presenter', 'form', 'event'] as const).map((v) => ({
            value: v,
            label: t(`by.${v}`),
          }))}
          style={{ marginBottom: 12 }}
        />
        <Results eventId={event.id} by={by} />
      </Card>
      <MissingCard eventId={event.id} />
    </Flex>
  );
}

function FormsCard({ eventId, canManage }: { eventId: string; canManage: boolean }) {
  const { t } = useTranslation('feedback');
  const forms = useEventForms(eventId);
  const [editing, setEditing] = useState<FeedbackForm | null>(null);
  if (forms.error) return <ErrorAlert error={forms.error} onRetry={() => forms.refetch()} />;
  const show = (f: FeedbackForm | undefined, label: string) =>
    f && (
      <Card
        size="small"
        type="inner"
        title={
          <Space>
            {label}
            <Tag>{f.isDefault ? t('isDefault') : t('own')}</Tag>
          </Space>
        }
        extra={canManage && <Button onClick={() => setEditing(f)}>{t('edit')}</Button>}
        style={{ flex: 1, minWidth: 280 }}
      >
        <Typography.Text strong>{f.title}</Typography.Text>
        <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
          {f.criteria.map((c) => (
            <li key={c.key}>
              {c.label} ({c.min}–{c.max})
            </li>
          ))}
          {f.askComment && <li>{t('comment')}</li>}
        </ul>
      </Card>
    );
  return (
    <Card size="small" title={t('forms')} loading={forms.isLoading}>
      <Flex wrap gap={12}>
        {show(forms.data?.activity, t('formActivity'))}
        {show(forms.data?.event, t('formEvent'))}
      </Flex>
      {editing && <FormEditor eventId={eventId} form={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function FormEditor({
  eventId,
  form,
  onClose,
}: {
  eventId: string;
  form: FeedbackForm;
  onClose: () => void;
}) {
  const { t } = useTranslation('feedback');
  const save = useSaveForms(eventId);
  const [f] = Form.useForm<FormInput>();
  const submit = async () => {
    const v = await f.validateFields();
    try {
      await save.mutateAsync({ [form.scope]: v });
      notifySuccess(t('saved'));
      onClose();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={form.scope === 'activity' ? t('formActivity') : t('formEvent')}
      okText={t('save')}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {form.responses > 0 && (
        <Typography.Paragraph type="warning">
          {t('responsesExist', { count: form.responses })}
        </Typography.Paragraph>
      )}
      <Form form={f} layout="vertical" initialValues={form}>
        <Form.Item name="title" label={t('formTitle')} rules={[{ required: true, max: 300 }]}>
          <Input />
        </Form.Item>
        <Typography.Text strong>{t('criteria')}</Typography.Text>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'key']}
                    rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/ }]}
                    style={{ width: 130, marginBottom: 4 }}
                  >
                    <Input placeholder={t('criterionKey')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'label']}
                    rules={[{ required: true }]}
                    style={{ width: 300, marginBottom: 4 }}
                  >
                    <Input placeholder={t('criterionLabel')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'min']}
                    rules={[{ required: true }]}
                    style={{ marginBottom: 4 }}
                  >
                    <InputNumber min={0} max={9} style={{ width: 64 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'max']}
                    rules={[{ required: true }]}
                    style={{ marginBottom: 4 }}
                  >
                    <InputNumber min={1} max={10} style={{ width: 64 }} />
                  </Form.Item>
                  <Button danger onClick={() => remove(field.name)} disabled={fields.length <= 1}>
                    ×
                  </Button>
                </Space>
              ))}
              <Button
                onClick={() => add({ key: `c${fields.length + 1}`, label: '', min: 1, max: 5 })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('addCriterion')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="askComment" valuePropName="checked" style={{ marginTop: 12 }}>
          <Checkbox>{t('askComment')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Results({ eventId, by }: { eventId: string; by: ResultsBy }) {
  const { t } = useTranslation('feedback');
  const results = useResults(eventId, by);
  if (results.error) return <ErrorAlert error={results.error} onRetry={() => results.refetch()} />;
  const groups = results.data?.groups ?? [];
  const criteria = groups[0]?.criteria ?? [];
  return (
    <Table<ResultGroup>
      rowKey="key"
      size="small"
      loading={results.isLoading}
      dataSource={groups}
      pagination={false}
      scroll={{ x: 800 }}
      locale={{ emptyText: t('noResults') }}
      expandable={{
        rowExpandable: (g) => g.comments.length > 0,
        expandedRowRender: (g) => (
          <Collapse
            size="small"
            items={[
              {
                key: 'c',
                label: `${t('comments')} (${g.comments.length})`,
                children: (
                  <ul style={{ margin: 0 }}>
                    {g.comments.map((c, i) => (
                      // comments have no ids; their order is stable
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        ),
      }}
      columns={[
        { title: t('column.group'), dataIndex: 'label', width: 240 },
        ...criteria.map((c, ci) => ({
          title: c.label,
          key: c.key,
          render: (_: unknown, g: ResultGroup) => {
            const r = g.criteria[ci];
            if (!r) return '—';
            return (
              <Flex align="end" gap={8}>
                <Typography.Text strong>{r.mean === null ? '—' : r.mean.toFixed(2)}</Typography.Text>
                <Histogram distribution={r.distribution} min={r.min} />
              </Flex>
            );
          },
        })),
        { title: t('column.responses'), dataIndex: 'responses', width: 90 },
        { title: t('column.attendees'), dataIndex: 'attendees', width: 90 },
        {
          title: t('column.rate'),
          dataIndex: 'responseRate',
          width: 120,
          render: (v: number | null) => percent(v),
        },
      ]}
    />
  );
}

function MissingCard({ eventId }: { eventId: string }) {
  const { t } = useTranslation('feedback');
  const activities = useResults(eventId, 'activity');
  const [activityId, setActivityId] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const missing = useMissing(eventId, activityId, page);
  return (
    <Card
      size="small"
      title={t('missing')}
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder={t('allEvent')}
            aria-label={t('missing')}
            style={{ width: 320 }}
            value={activityId}
            onChange={(v) => {
              setActivityId(v);
              setPage(1);
            }}
            options={(activities.data?.groups ?? []).map((g) => ({ value: g.key, label: g.label }))}
          />
          <ExportButton path={`/events/${eventId}/feedback/missing.xlsx`} query={{ activityId }} />
        </Space>
      }
    >
      {missing.error ? (
        <ErrorAlert error={missing.error} onRetry={() => missing.refetch()} />
      ) : (
        <Table
          rowKey="personId"
          size="small"
          loading={missing.isLoading}
          dataSource={missing.data?.items ?? []}
          locale={{ emptyText: t('missingEmpty') }}
          pagination={{
            current: page,
            pageSize: 20,
            total: missing.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: t('column.person'), dataIndex: 'fullName' },
            {
              title: t('column.organization'),
              dataIndex: 'organizationName',
              render: (v: string | null) => v ?? '—',
            },
            { title: 'E-mail', dataIndex: 'email', render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}

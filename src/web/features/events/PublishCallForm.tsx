// Opening the call for applications: conditions, procedure and the application window (S0-2).
import { Button, DatePicker, Flex, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { type EventDetail, useAction } from './events.api';

type Values = { conditions: string; procedure: string; window: [Dayjs, Dayjs] };

export function PublishCallForm({ event, onDone }: { event: EventDetail; onDone: () => void }) {
  const { t } = useTranslation('events');
  const publish = useAction(
    (body: Record<string, unknown>) => api.post<EventDetail>(`/events/${event.id}/publish-call`, body),
    ['event', 'events'],
  );
  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  return (
    <Form<Values>
      layout="vertical"
      initialValues={{
        conditions: event.conditions ?? '',
        procedure: event.procedure ?? '',
        window:
          event.applicationsOpenFrom && event.applicationsOpenUntil
            ? [dayjs(event.applicationsOpenFrom), dayjs(event.applicationsOpenUntil)]
            : undefined,
      }}
      onFinish={async (v) => {
        await publish.mutateAsync({
          conditions: v.conditions.trim(),
          procedure: v.procedure.trim(),
          applicationsOpenFrom: v.window[0].format('YYYY-MM-DD'),
          applicationsOpenUntil: v.window[1].format('YYYY-MM-DD'),
        });
        notifySuccess(t('page.published'));
        onDone();
      }}
    >
      <ErrorAlert error={publish.error} />
      <Form.Item name="conditions" label={t('field.conditions')} rules={required}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="procedure" label={t('field.procedure')} rules={required}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item
        name="window"
        label={t('field.window')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <DatePicker.RangePicker format="DD.MM.YYYY" aria-label={t('field.window')} />
      </Form.Item>
      <Flex gap={8} justify="end" wrap>
        <Button onClick={onDone}>{t('form.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={publish.isPending}>
          {t('page.publishCall')}
        </Button>
      </Flex>
    </Form>
  );
}

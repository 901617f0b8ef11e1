// /events/:eventId/feedback/:activityId? — a participant rates an activity (or the event as a whole).
import { Alert, Button, Card, Flex, Form, Input, List, Rate, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useGiveContext, useGiveFeedback } from './feedback.api';

export function FeedbackGivePage() {
  const { t } = useTranslation('feedback');
  const { eventId = '', activityId } = useParams();
  const ctx = useGiveContext(eventId, activityId);
  const give = useGiveFeedback(eventId);
  const [done, setDone] = useState(false);
  const [form] = Form.useForm<{ scores: Record<string, number>; comment?: string }>();
  if (ctx.error) return <ErrorAlert error={ctx.error} onRetry={() => ctx.refetch()} />;
  if (!ctx.data) return <PageLoading />;
  const c = ctx.data;
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await give.mutateAsync({ activityId, scores: v.scores, comment: v.comment?.trim() || undefined });
      setDone(true);
    } catch (e) {
      notifyError(e);
    }
  };
  const dates =
    c.event.startDate === c.event.endDate
      ? formatDate(c.event.startDate)
      : `${formatDate(c.event.startDate)} — ${formatDate(c.event.endDate)}`;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <PageHeader
        title={c.activity ? t('giveTitle') : t('giveEvent')}
        subtitle={`${c.event.title}, ${dates}`}
      />
      <Card>
        {c.activity && (
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {c.activity.title}
            {c.activity.topic && c.activity.topic !== c.activity.title ? ` — ${c.activity.topic}` : ''}
          </Typography.Title>
        )}
        {done || c.alreadyGiven ? (
          <Alert type="success" showIcon message={done ? t('thanks') : t('already')} />
        ) : !c.canGive ? (
          <Alert type="info" showIcon message={t('cannot')} />
        ) : (
          <Form form={form} layout="vertical" onFinish={() => void submit()}>
            {c.form.criteria.map((cr) => (
              <Form.Item
                key={cr.key}
                name={['scores', cr.key]}
                label={`${cr.label} (${cr.min}–${cr.max})`}
                rules={[{ required: true, message: t('rateAll') }]}
              >
                {cr.min === 1 && cr.max <= 10 ? (
                  <Rate count={cr.max} />
                ) : (
                  <Input type="number" min={cr.min} max={cr.max} style={{ width: 100 }} />
                )}
              </Form.Item>
            ))}
            {c.form.askComment && (
              <Form.Item name="comment" label={t('comment')}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={give.isPending}>
              {t('send')}
            </Button>
          </Form>
        )}
      </Card>
      {c.myActivities.length > 0 && (
        <Card size="small" title={t('myActivities')}>
          <List
            size="small"
            dataSource={[
              { id: '', title: t('allEvent'), given: c.activity === null && (done || c.alreadyGiven) },
              ...c.myActivities,
            ]}
            renderItem={(a) => (
              <List.Item>
                <Link to={a.id ? `/events/${eventId}/feedback/${a.id}` : `/events/${eventId}/feedback`}>
                  {a.title}
                </Link>
                {a.given && <Tag color="green">{t('given')}</Tag>}
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}

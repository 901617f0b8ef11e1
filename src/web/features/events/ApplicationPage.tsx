// /applications/:id — one application: its details; the applicant edits and (re)submits; the organiser accepts,
// rejects or returns it with a comment; the comment thread between them (S0-3, S0-4).
import { Button, Card, Descriptions, Flex, Form, Input, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { ApplicationAttachments } from './ApplicationAttachments';
import { ApplicationForm } from './ApplicationForm';
import {
  type Application,
  type ApplicationInput,
  type Comment,
  useAction,
  useActivityForms,
  useApplication,
  useComments,
} from './events.api';
import { ApplicationStatusTag } from './StatusTag';

type Decision = 'accept' | 'reject' | 'request_changes';

export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('events');
  const app = useApplication(id);
  const forms = useActivityForms();
  const [editing, setEditing] = useState(false);
  const refresh = ['application', 'applications', 'application-comments'];
  const update = useAction(
    (body: ApplicationInput) => api.patch<Application>(`/applications/${id}`, body),
    refresh,
  );
  const submit = useAction(() => api.post<Application>(`/applications/${id}/submit`), refresh);
  const review = useAction(
    (body: { decision: Decision; comment?: string }) =>
      api.post<Application>(`/applications/${id}/review`, body),
    refresh,
  );
  const [reviewComment, setReviewComment] = useState('');

  if (app.isLoading) return <PageLoading />;
  if (!app.data) return <ErrorAlert error={app.error} />;
  const a = app.data;
  const fields = forms.data?.items.find((f) => f.id === a.form.id)?.fields ?? [];
  const dash = (v: string | number | null) => (v === null || v === '' ? '—' : v);

  return (
    <>
      <PageHeader
        back={<Link to={`/events/${a.eventId}`}>{t('apps.back')}</Link>}
        title={a.topic}
        subtitle={
          <Space wrap>
            <ApplicationStatusTag status={a.status} />
            <span>{a.form.title}</span>
            <span>{a.eventTitle}</span>
          </Space>
        }
        extra={
          a.canEdit ? (
            <>
              <Button onClick={() => setEditing(true)}>{t('apps.edit')}</Button>
              <Button
                type="primary"
                loading={submit.isPending}
                onClick={async () => {
                  await submit.mutateAsync(undefined);
                  notifySuccess(t('apps.submitted'));
                }}
              >
                {t('apps.submit')}
              </Button>
            </>
          ) : null
        }
      />
      <ErrorAlert error={submit.error} />
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('apps.applicant')}>{a.applicant.name}</Descriptions.Item>
        <Descriptions.Item label={t('apps.organization')}>{a.organization?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('apps.coPresenters')}>
          {a.coPresenters.map((p) => p.name).join(', ') || '—'}
        </Descriptions.Item>
        {a.sectionId ? (
          <Descriptions.Item label={t('iop.section')}>{a.sectionTitle}</Descriptions.Item>
        ) : null}
        {a.product ? <Descriptions.Item label={t('iop.product')}>{a.product}</Descriptions.Item> : null}
        <Descriptions.Item label={t('apps.durationMinutes')}>{dash(a.durationMinutes)}</Descriptions.Item>
        {fields.map((f) => (
          <Descriptions.Item key={f.key} label={f.label}>
            {dash((a.extra[f.key] as string | number | undefined) ?? null)}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('apps.expectedAudience')}>{dash(a.expectedAudience)}</Descriptions.Item>
        <Descriptions.Item label={t('apps.audienceSize')}>{dash(a.audienceSize)}</Descriptions.Item>
        <Descriptions.Item label={t('apps.equipment')}>{dash(a.equipment)}</Descriptions.Item>
        <Descriptions.Item label={t('apps.roomNeeds')}>{dash(a.roomNeeds)}</Descriptions.Item>
        <Descriptions.Item label={t('apps.submittedAt')}>
          {formatDateTime(a.submittedAt) || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('apps.annotation')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>
            {a.annotation ?? '—'}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <ApplicationAttachments applicationId={id} canEdit={a.canEdit} />
      {a.canReview ? (
        <Card title={t('apps.review')} size="small" style={{ marginBottom: 16 }}>
          <ErrorAlert error={review.error} />
          <Input.TextArea
            rows={3}
            value={reviewComment}
            onChange={(e) => setReviewComment(e.target.value)}
            placeholder={t('apps.reviewComment')}
            aria-label={t('apps.reviewComment')}
            maxLength={5000}
            style={{ marginBottom: 8 }}
          />
          <Flex gap={8} wrap>
            {(['accept', 'request_changes', 'reject'] as const).map((decision) => (
              <Button
                key={decision}
                type={decision === 'accept' ? 'primary' : 'default'}
                danger={decision === 'reject'}
                loading={review.isPending && review.variables?.decision === decision}
                onClick={async () => {
                  await review.mutateAsync({ decision, comment: reviewComment.trim() || undefined });
                  setReviewComment('');
                  notifySuccess(t('apps.reviewed', { what: t(`reviewDone.${decision}`) }));
                }}
              >
                {t(`reviewDecision.${decision}`)}
              </Button>
            ))}
          </Flex>
        </Card>
      ) : null}
      <CommentThread applicationId={id} canComment={a.canComment} />
      <Modal
        open={editing}
        title={t('apps.edit')}
        onCancel={() => setEditing(false)}
        footer={null}
        width={760}
        destroyOnHidden
      >
        <ApplicationForm
          application={a}
          onCancel={() => setEditing(false)}
          onSave={async (body, andSubmit) => {
            await update.mutateAsync(body);
            if (andSubmit) await submit.mutateAsync(undefined);
            setEditing(false);
            notifySuccess(andSubmit ? t('apps.submitted') : t('apps.saved'));
          }}
        />
      </Modal>
    </>
  );
}

function CommentThread({ applicationId, canComment }: { applicationId: string; canComment: boolean }) {
  const { t } = useTranslation('events');
  const comments = useComments(applicationId);
  const [form] = Form.useForm<{ body: string }>();
  const add = useAction(
    (body: string) => api.post<Comment>(`/applications/${applicationId}/comments`, { body }),
    ['application-comments'],
  );
  return (
    <Card title={t('apps.thread')} size="small">
      <ErrorAlert error={comments.error ?? add.error} />
      <List<Comment>
        dataSource={comments.data?.items ?? []}
        loading={comments.isLoading}
        locale={{ emptyText: t('apps.noComments') }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  <strong>{c.authorName}</strong>
                  <Typography.Text type="secondary">{formatDateTime(c.at)}</Typography.Text>
                  {c.decision ? (
                    <Typography.Text type="warning">
                      {t('apps.decisionNote', { what: t(`reviewDone.${c.decision}`) })}
                    </Typography.Text>
                  ) : null}
                </Space>
              }
              description={<span style={{ whiteSpace: 'pre-line' }}>{c.body}</span>}
            />
          </List.Item>
        )}
      />
      {canComment ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            await add.mutateAsync(v.body.trim());
            form.resetFields();
          }}
        >
          <Form.Item
            name="body"
            label={t('apps.write')}
            rules={[{ required: true, whitespace: true, message: t('form.required') }]}
          >
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('apps.send')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

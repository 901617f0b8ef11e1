// Event page tab «Сотрудники и консультации»: staff duties (S0-6) for managers; consultation requests (S0-11):
// teachers ask, managers assign a consultant and a time.
import { Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventForTab, EventTabMeta } from '../../app/event-tab';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { formatDateTime } from '../../components/format';
import { confirmDelete, notifyError, notifySuccess } from '../../components/notify';
import { RemoteSelect } from '../../components/RemoteSelect';
import {
  CONSULTATION_STATUSES,
  type Consultation,
  type ConsultationStatus,
  personLabel,
  STAFF_DUTIES,
  type Staff,
  type StaffDuty,
  searchPeople,
  useConsultations,
  useDeleteStaff,
  useRequestConsultation,
  useSaveStaff,
  useSchedule,
  useStaff,
  useUpdateConsultation,
} from './schedule.api';

export const tab: EventTabMeta = { key: 'staff', labelKey: 'schedule:staffTab', order: 45 };

export default function EventTabStaff({ event }: { event: EventForTab }) {
  return (
    <div>
      {event.canManage && <StaffSection eventId={event.id} />}
      <ConsultationsSection eventId={event.id} canManage={event.canManage} />
    </div>
  );
}

type StaffValues = { personId: string; duty: StaffDuty; activityId: string | null; notes: string | null };

function StaffSection({ eventId }: { eventId: string }) {
  const { t } = useTranslation('schedule');
  const staff = useStaff(eventId);
  const schedule = useSchedule(eventId);
  const save = useSaveStaff(eventId);
  const del = useDeleteStaff(eventId);
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<StaffValues>();
  const activities = (schedule.data?.days ?? []).flatMap((d) => d.activities);

  const open = (s: Staff | 'new') => {
    setError(null);
    setEditing(s);
    form.resetFields();
    if (s !== 'new')
      form.setFieldsValue({ personId: s.personId, duty: s.duty, activityId: s.activityId, notes: s.notes });
  };
  const submit = async (v: StaffValues) => {
    try {
      await save.mutateAsync({
        id: editing && editing !== 'new' ? editing.id : undefined,
        personId: v.personId,
        duty: v.duty,
        activityId: v.activityId ?? null,
        notes: v.notes || null,
      });
      setEditing(null);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section style={{ marginBottom: 32 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('staff.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => open('new')}>
          {t('staff.add')}
        </Button>
        <ExportButton path={`/events/${eventId}/staff.xlsx`} />
      </Space>
      <ErrorAlert error={staff.error} onRetry={() => staff.refetch()} />
      <Table<Staff>
        rowKey="id"
        size="small"
        loading={staff.isLoading}
        dataSource={staff.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('staff.person'), dataIndex: 'fullName' },
          { title: t('organization'), dataIndex: 'organizationName' },
          { title: t('staff.duty'), dataIndex: 'duty', render: (d: StaffDuty) => t(`staff.duties.${d}`) },
          {
            title: t('staff.activity'),
            dataIndex: 'activityTitle',
            render: (v: string | null) => v ?? t('staff.anyActivity'),
          },
          { title: t('staff.notes'), dataIndex: 'notes' },
          {
            title: t('actions'),
            width: 180,
            render: (_, s) => (
              <Space>
                <Button size="small" onClick={() => open(s)}>
                  {t('edit')}
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() => confirmDelete({ name: s.fullName, onConfirm: () => del.mutateAsync(s.id) })}
                >
                  {t('remove')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={t('staff.add')}
        okText={t('save')}
        cancelText={t('cancel')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="personId" label={t('staff.person')} rules={[{ required: true }]}>
            <RemoteSelect queryKey="people" search={searchPeople} fetchLabel={personLabel} />
          </Form.Item>
          <Form.Item name="duty" label={t('staff.duty')} rules={[{ required: true }]}>
            <Select options={STAFF_DUTIES.map((d) => ({ value: d, label: t(`staff.duties.${d}`) }))} />
          </Form.Item>
          <Form.Item name="activityId" label={t('staff.activity')}>
            <Select
              allowClear
              placeholder={t('staff.anyActivity')}
              options={activities.map((a) => ({ value: a.id, label: a.title }))}
            />
          </Form.Item>
          <Form.Item name="notes" label={t('staff.notes')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}

function ConsultationsSection({ eventId, canManage }: { eventId: string; canManage: boolean }) {
  const { t } = useTranslation('schedule');
  const list = useConsultations(eventId);
  const ask = useRequestConsultation(eventId);
  const update = useUpdateConsultation(eventId);
  const [asking, setAsking] = useState(false);
  const [assigning, setAssigning] = useState<Consultation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [askForm] = Form.useForm<{ subject: string; question: string | null }>();
  const [assignForm] = Form.useForm<{
    consultantPersonId: string | null;
    scheduledAt: dayjs.Dayjs | null;
    status: ConsultationStatus;
  }>();

  return (
    <section>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('consultations.title')}
        </Typography.Title>
        <Button
          onClick={() => {
            setError(null);
            askForm.resetFields();
            setAsking(true);
          }}
        >
          {t('consultations.request')}
        </Button>
        <ExportButton path={`/events/${eventId}/consultations.xlsx`} />
      </Space>
      <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      <Table<Consultation>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('consultations.empty') }}
        columns={[
          { title: t('consultations.subject'), dataIndex: 'subject' },
          { title: t('consultations.question'), dataIndex: 'question' },
          {
            title: t('consultations.requester'),
            render: (_, c) => [c.requesterName, c.organizationName].filter(Boolean).join(', '),
          },
          { title: t('consultations.consultant'), dataIndex: 'consultantName' },
          {
            title: t('consultations.when'),
            dataIndex: 'scheduledAt',
            render: (v: string | null) => formatDateTime(v),
          },
          {
            title: t('status'),
            dataIndex: 'status',
            render: (s: ConsultationStatus) => (
              <Tag
                color={
                  s === 'done'
                    ? 'green'
                    : s === 'assigned'
                      ? 'blue'
                      : s === 'cancelled'
                        ? 'default'
                        : 'orange'
                }
              >
                {t(`consultations.statuses.${s}`)}
              </Tag>
            ),
          },
          ...(canManage
            ? [
                {
                  title: t('actions'),
                  width: 120,
                  render: (_: unknown, c: Consultation) => (
                    <Button
                      size="small"
                      onClick={() => {
                        setError(null);
                        assignForm.setFieldsValue({
                          consultantPersonId: c.consultantPersonId,
                          scheduledAt: c.scheduledAt ? dayjs(c.scheduledAt) : null,
                          status: c.status,
                        });
                        setAssigning(c);
                      }}
                    >
                      {t('consultations.assign')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={asking}
        title={t('consultations.request')}
        okText={t('save')}
        cancelText={t('cancel')}
        onCancel={() => setAsking(false)}
        onOk={() => askForm.submit()}
        confirmLoading={ask.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
        <Form
          form={askForm}
          layout="vertical"
          onFinish={(v) =>
            ask
              .mutateAsync({ subject: v.subject, question: v.question || null })
              .then(() => {
                setAsking(false);
                notifySuccess(t('saved'));
              })
              .catch(setError)
          }
        >
          <Form.Item
            name="subject"
            label={t('consultations.subject')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="question" label={t('consultations.question')}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!assigning}
        title={t('consultations.assign')}
        okText={t('save')}
        cancelText={t('cancel')}
        onCancel={() => setAssigning(null)}
        onOk={() => assignForm.submit()}
        confirmLoading={update.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
        <Form
          form={assignForm}
          layout="vertical"
          onFinish={(v) =>
            update
              .mutateAsync({
                id: assigning!.id,
                consultantPersonId: v.consultantPersonId ?? null,
                scheduledAt: v.scheduledAt ? v.scheduledAt.toISOString() : null,
                status: v.status,
              })
              .then(() => setAssigning(null))
              .catch((e) => {
                setError(e);
                notifyError(e);
              })
          }
        >
          <Form.Item name="consultantPersonId" label={t('consultations.consultant')}>
            <RemoteSelect queryKey="people" search={searchPeople} fetchLabel={personLabel} />
          </Form.Item>
          <Form.Item name="scheduledAt" label={t('consultations.when')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD.MM.YYYY HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="status" label={t('status')}>
            <Select
              options={CONSULTATION_STATUSES.map((s) => ({
                value: s,
                label: t(`consultations.statuses.${s}`),
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}

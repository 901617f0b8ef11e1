// The dialog that places an accepted application or an organiser's item into a room and time, or moves one.
// A clash (SCHEDULE_CLASH) is shown in the dialog with the server's message naming the room or the presenter.
import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { type Activity, hhmm, instantOf, type Room, type Unplaced, useSaveActivity } from './schedule.api';

type Values = {
  mode: 'application' | 'item';
  applicationId?: string;
  title?: string;
  roomId?: string | null;
  day: string;
  start: string;
  end: string;
  capacity?: number | null;
};

export type ActivityDialogProps = {
  eventId: string;
  open: boolean;
  onClose: () => void;
  days: string[];
  rooms: Room[];
  unplaced: Unplaced[];
  /** the activity to move; absent = a new one */
  activity?: Activity | null;
  /** preset for a new one */
  preset?: { mode: 'application' | 'item'; day?: string; roomId?: string };
};

const addMinutes = (hm: string, minutes: number) => {
  const [h, m] = hm.split(':').map(Number);
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

export function ActivityDialog({
  eventId,
  open,
  onClose,
  days,
  rooms,
  unplaced,
  activity,
  preset,
}: ActivityDialogProps) {
  const { t } = useTranslation('schedule');
  const [form] = Form.useForm<Values>();
  const save = useSaveActivity(eventId);
  const [error, setError] = useState<unknown>(null);
  const mode = Form.useWatch('mode', form);

  useEffect(() => {
    if (!open) return;
    setError(null);
    if (activity)
      form.setFieldsValue({
        mode: activity.applicationId ? 'application' : 'item',
        title: activity.title,
        roomId: activity.roomId,
        day: activity.day,
        start: hhmm(activity.startsAt),
        end: hhmm(activity.endsAt),
        capacity: activity.capacity,
      });
    else {
      form.resetFields();
      form.setFieldsValue({
        mode: preset?.mode ?? 'application',
        day: preset?.day ?? days[0],
        roomId: preset?.roomId ?? null,
        start: '10:00',
        end: '10:45',
      });
    }
  }, [open, activity, preset, days, form]);

  const submit = async (v: Values) => {
    setError(null);
    try {
      await save.mutateAsync({
        id: activity?.id,
        ...(activity
          ? {}
          : v.mode === 'application'
            ? { applicationId: v.applicationId }
            : { title: v.title }),
        ...(activity && !activity.applicationId ? { title: v.title } : {}),
        roomId: v.roomId ?? null,
        startsAt: instantOf(v.day, v.start),
        endsAt: instantOf(v.day, v.end),
        capacity: v.capacity ?? null,
      });
      notifySuccess(t('saved'));
      onClose();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={activity ? t('move') : mode === 'item' ? t('addItem') : t('place')}
      okText={t('save')}
      cancelText={t('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        {!activity && (
          <Form.Item name="mode">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'application', label: t('place') },
                { value: 'item', label: t('addItem') },
              ]}
            />
          </Form.Item>
        )}
        {!activity && mode === 'application' && (
          <Form.Item name="applicationId" label={t('application')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={unplaced.map((u) => ({
                value: u.applicationId,
                label: `${u.sectionTitle ? `[${u.sectionTitle}] ` : ''}${u.formTitle}: «${u.topic}» — ${u.presenters.map((p) => p.shortName).join(', ')}`,
              }))}
              onChange={(id) => {
                const u = unplaced.find((x) => x.applicationId === id);
                if (u?.durationMinutes)
                  form.setFieldValue('end', addMinutes(form.getFieldValue('start'), u.durationMinutes));
              }}
            />
          </Form.Item>
        )}
        {(mode === 'item' || (activity && !activity.applicationId)) && (
          <Form.Item name="title" label={t('title')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={300} />
          </Form.Item>
        )}
        <Form.Item name="roomId" label={t('room')}>
          <Select
            allowClear
            placeholder={t('noRoom')}
            options={rooms.map((r) => ({
              value: r.id,
              label: r.capacity ? `${r.name} (${r.capacity})` : r.name,
            }))}
          />
        </Form.Item>
        <Form.Item name="day" label={t('day')} rules={[{ required: true }]}>
          <Select options={days.map((d) => ({ value: d, label: formatDate(d) }))} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="start" label={t('start')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input type="time" />
          </Form.Item>
          <Form.Item name="end" label={t('end')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input type="time" />
          </Form.Item>
          <Form.Item name="capacity" label={t('capacity')} style={{ flex: 1 }}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}

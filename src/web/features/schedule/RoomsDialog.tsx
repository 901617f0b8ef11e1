// Rooms of an event: name, capacity, equipment; added, changed and removed in one dialog.
import { Button, Form, Input, InputNumber, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { confirmDelete, notifyError } from '../../components/notify';
import { type Room, useDeleteRoom, useSaveRoom } from './schedule.api';

export function RoomsDialog({
  eventId,
  rooms,
  open,
  onClose,
}: {
  eventId: string;
  rooms: Room[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('schedule');
  const [form] = Form.useForm<{ name: string; capacity: number | null; equipment: string | null }>();
  const [editing, setEditing] = useState<Room | null>(null);
  const [error, setError] = useState<unknown>(null);
  const save = useSaveRoom(eventId);
  const del = useDeleteRoom(eventId);

  const submit = async (v: { name: string; capacity: number | null; equipment: string | null }) => {
    setError(null);
    try {
      await save.mutateAsync({
        id: editing?.id,
        name: v.name,
        capacity: v.capacity ?? null,
        equipment: v.equipment || null,
      });
      form.resetFields();
      setEditing(null);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('rooms')} width={720} destroyOnHidden>
      <Table<Room>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rooms}
        columns={[
          { title: t('roomName'), dataIndex: 'name' },
          { title: t('capacity'), dataIndex: 'capacity', width: 110 },
          { title: t('equipment'), dataIndex: 'equipment' },
          {
            title: t('actions'),
            width: 170,
            render: (_, r) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => {
                    setEditing(r);
                    form.setFieldsValue({ name: r.name, capacity: r.capacity, equipment: r.equipment });
                  }}
                >
                  {t('edit')}
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() =>
                    confirmDelete({ name: r.name, onConfirm: () => del.mutateAsync(r.id) }).catch(notifyError)
                  }
                >
                  {t('remove')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <ErrorAlert error={error} style={{ marginTop: 16 }} />
      <Form form={form} layout="inline" onFinish={submit} style={{ marginTop: 16, rowGap: 8 }}>
        <Form.Item name="name" rules={[{ required: true, whitespace: true }]}>
          <Input placeholder={t('roomName')} aria-label={t('roomName')} maxLength={120} />
        </Form.Item>
        <Form.Item name="capacity">
          <InputNumber min={1} placeholder={t('capacity')} aria-label={t('capacity')} />
        </Form.Item>
        <Form.Item name="equipment">
          <Input placeholder={t('equipment')} aria-label={t('equipment')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {editing ? t('save') : t('addRoom')}
        </Button>
        {editing && (
          <Button
            onClick={() => {
              setEditing(null);
              form.resetFields();
            }}
          >
            {t('cancel')}
          </Button>
        )}
      </Form>
    </Modal>
  );
}

// Event page tab «Программа»: a grid per day with rooms as columns; managers place accepted applications and
// their own items (clashes are refused with the server's message), manage rooms, publish, download PDF/DOCX;
// participants see the published programme and register.
import { DownOutlined } from '@ant-design/icons';
import { Alert, Button, Dropdown, Empty, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import type { EventForTab, EventTabMeta } from '../../app/event-tab';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { formatDate } from '../../components/format';
import { confirmAction, notifyError, notifySuccess } from '../../components/notify';
import { PageLoading } from '../../components/PageLoading';
import { ActivityCard } from './ActivityCard';
import { ActivityDialog, type ActivityDialogProps } from './ActivityDialog';
import { AttendanceDrawer } from './AttendanceDrawer';
import { RoomsDialog } from './RoomsDialog';
import {
  type Activity,
  type Room,
  useDeleteActivity,
  usePublish,
  useSaveToFolder,
  useSchedule,
  useUnplaced,
} from './schedule.api';

export const tab: EventTabMeta = { key: 'schedule', labelKey: 'schedule:tab', order: 40 };

export default function EventTabSchedule({ event }: { event: EventForTab }) {
  const { t } = useTranslation('schedule');
  const schedule = useSchedule(event.id);
  const manage = schedule.data?.canManage ?? false;
  const unplaced = useUnplaced(event.id, manage);
  const publish = usePublish(event.id);
  const remove = useDeleteActivity(event.id);
  const saveToFolder = useSaveToFolder(event.id);
  const [dialog, setDialog] = useState<Pick<ActivityDialogProps, 'activity' | 'preset'> | null>(null);
  const [roomsOpen, setRoomsOpen] = useState(false);
  const [attendanceOf, setAttendanceOf] = useState<Activity | null>(null);

  if (schedule.isLoading) return <PageLoading />;
  if (schedule.error instanceof ApiError && schedule.error.code === 'SCHEDULE_NOT_PUBLISHED')
    return <Alert type="info" showIcon title={t('notPublished')} />;
  if (schedule.error || !schedule.data)
    return <ErrorAlert error={schedule.error} onRetry={() => schedule.refetch()} />;
  const s = schedule.data;
  const days = s.days.map((d) => d.date);
  const waiting = unplaced.data?.length ?? 0;

  return (
    <div>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Tag color={s.event.schedulePublished ? 'green' : 'default'}>
            {s.event.schedulePublished ? t('published') : t('draft')}
          </Tag>
          {manage && waiting > 0 && (
            <Typography.Text type="warning">{t('unplaced', { count: waiting })}</Typography.Text>
          )}
        </Space>
        <Space wrap>
          {manage && (
            <>
              <Button
                type="primary"
                onClick={() => setDialog({ preset: { mode: 'application' } })}
                disabled={waiting === 0}
              >
                {t('place')}
              </Button>
              <Button onClick={() => setDialog({ preset: { mode: 'item' } })}>{t('addItem')}</Button>
              <Button onClick={() => setRoomsOpen(true)}>{t('rooms')}</Button>
              <Button
                loading={publish.isPending}
                onClick={() =>
                  publish
                    .mutateAsync(!s.event.schedulePublished)
                    .then(() => !s.event.schedulePublished && notifySuccess(t('publishedOk')))
                    .catch(notifyError)
                }
              >
                {s.event.schedulePublished ? t('unpublish') : t('publish')}
              </Button>
            </>
          )}
          <Button href={api.url(`/events/${event.id}/schedule.pdf`)}>{t('downloadPdf')}</Button>
          <Button href={api.url(`/events/${event.id}/schedule.docx`)}>{t('downloadDocx')}</Button>
          {manage && (
            <>
              <Dropdown
                menu={{
                  items: [
                    {
                      key: 'pdf',
                      label: <a href={api.url(`/events/${event.id}/attendance-lists.pdf`)}>PDF</a>,
                    },
                    {
                      key: 'docx',
                      label: <a href={api.url(`/events/${event.id}/attendance-lists.docx`)}>DOCX</a>,
                    },
                  ],
                }}
              >
                <Button>
                  {t('allLists')} <DownOutlined aria-hidden />
                </Button>
              </Dropdown>
              <ExportButton path={`/events/${event.id}/participants.xlsx`} label={t('participantsXlsx')} />
              <Dropdown
                menu={{
                  items: [
                    { key: 'programme', label: t('saveProgramme') },
                    { key: 'attendance_lists', label: t('saveLists') },
                  ],
                  onClick: ({ key }) =>
                    saveToFolder
                      .mutateAsync(key as 'programme' | 'attendance_lists')
                      .then(() => notifySuccess(t('savedToFolder')))
                      .catch(notifyError),
                }}
              >
                <Button loading={saveToFolder.isPending}>
                  {t('saveToFolder')} <DownOutlined aria-hidden />
                </Button>
              </Dropdown>
            </>
          )}
        </Space>
      </Flex>
      <Tabs
        items={s.days.map((d) => ({
          key: d.date,
          label: formatDate(d.date),
          children: (
            <DayGrid
              rooms={s.rooms}
              activities={d.activities}
              manage={manage}
              canRegister={!manage || s.event.schedulePublished}
              onMove={(a) => setDialog({ activity: a })}
              onAttendance={setAttendanceOf}
              onRemove={(a) =>
                confirmAction({
                  title: t('removeConfirm'),
                  content: `«${a.title}»`,
                  okText: t('remove'),
                  danger: true,
                  onConfirm: () => remove.mutateAsync(a.id),
                })
              }
            />
          ),
        }))}
      />
      {manage && (
        <>
          <ActivityDialog
            eventId={event.id}
            open={!!dialog}
            onClose={() => setDialog(null)}
            days={days}
            rooms={s.rooms}
            unplaced={unplaced.data ?? []}
            activity={dialog?.activity}
            preset={dialog?.preset}
          />
          <RoomsDialog
            eventId={event.id}
            rooms={s.rooms}
            open={roomsOpen}
            onClose={() => setRoomsOpen(false)}
          />
          <AttendanceDrawer activity={attendanceOf} onClose={() => setAttendanceOf(null)} />
        </>
      )}
    </div>
  );
}

type DayGridProps = {
  rooms: Room[];
  activities: Activity[];
  manage: boolean;
  canRegister: boolean;
  onMove: (a: Activity) => void;
  onRemove: (a: Activity) => void;
  onAttendance: (a: Activity) => void;
};

/** Rooms as columns (plus «Без аудитории» when needed), items in time order down each column. */
function DayGrid({ rooms, activities, manage, canRegister, onMove, onRemove, onAttendance }: DayGridProps) {
  const { t } = useTranslation('schedule');
  const columns = useMemo(() => {
    const cols: { key: string; name: string; items: Activity[] }[] = rooms.map((r) => ({
      key: r.id,
      name: r.capacity ? `${r.name} · ${r.capacity}` : r.name,
      items: activities.filter((a) => a.roomId === r.id),
    }));
    const loose = activities.filter((a) => !a.roomId);
    if (loose.length > 0 || cols.length === 0) cols.unshift({ key: 'none', name: t('noRoom'), items: loose });
    return cols;
  }, [rooms, activities, t]);
  if (activities.length === 0 && !manage) return <Empty description={t('empty')} />;
  return (
    <div style={{ overflowX: 'auto' }}>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: `repeat(${columns.length}, minmax(220px, 1fr))`,
          gap: 12,
        }}
      >
        {columns.map((c) => (
          <section key={c.key} aria-label={c.name}>
            <Typography.Title level={3} style={{ fontSize: 15, margin: '0 0 8px' }}>
              {c.name}
            </Typography.Title>
            {c.items.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
            {c.items.map((a) => (
              <ActivityCard
                key={a.id}
                activity={a}
                canRegister={canRegister && !manage}
                manage={
                  manage
                    ? {
                        onMove: () => onMove(a),
                        onRemove: () => onRemove(a),
                        onAttendance: () => onAttendance(a),
                      }
                    : undefined
                }
              />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}

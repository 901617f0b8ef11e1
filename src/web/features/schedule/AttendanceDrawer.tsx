// Attendance of one activity: the registered people with «present» checkboxes, the QR code to show at the
// door, and the sign-in sheet (PDF/DOCX) for signatures.
import { Button, Checkbox, Drawer, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError } from '../../components/notify';
import { type Activity, type Registration, useRegistrations, useSetAttendance } from './schedule.api';

export function AttendanceDrawer({ activity, onClose }: { activity: Activity | null; onClose: () => void }) {
  const { t } = useTranslation('schedule');
  const regs = useRegistrations(activity?.id ?? null);
  const mark = useSetAttendance(activity?.id ?? '');
  const items = regs.data?.items ?? [];
  return (
    <Drawer
      open={!!activity}
      onClose={onClose}
      width={760}
      title={activity ? t('attendanceTitle', { title: activity.title }) : ''}
      destroyOnHidden
    >
      {activity && (
        <>
          <Flex gap={24} wrap align="flex-start" style={{ marginBottom: 16 }}>
            <img
              src={api.url(`/activities/${activity.id}/checkin-qr`)}
              alt="QR"
              width={180}
              height={180}
              style={{ border: '1px solid #eee' }}
            />
            <div style={{ flex: 1, minWidth: 220 }}>
              <Typography.Paragraph>{t('qrHint')}</Typography.Paragraph>
              <Flex gap={8} wrap>
                <Button href={api.url(`/activities/${activity.id}/checkin-qr`)} target="_blank">
                  QR (SVG)
                </Button>
                <Button href={api.url(`/activities/${activity.id}/attendance-list.pdf`)}>
                  {t('attendanceList')} PDF
                </Button>
                <Button href={api.url(`/activities/${activity.id}/attendance-list.docx`)}>
                  {t('attendanceList')} DOCX
                </Button>
              </Flex>
            </div>
          </Flex>
          <ErrorAlert error={regs.error} onRetry={() => regs.refetch()} />
          <Table<Registration>
            rowKey="id"
            size="small"
            loading={regs.isLoading}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: t('noRegistrations') }}
            columns={[
              {
                title: t('present'),
                width: 120,
                render: (_, r) => (
                  <Checkbox
                    checked={r.present}
                    aria-label={`${t('present')}: ${r.fullName}`}
                    disabled={mark.isPending}
                    onChange={(e) =>
                      mark
                        .mutateAsync({ personIds: [r.personId], present: e.target.checked })
                        .catch(notifyError)
                    }
                  />
                ),
              },
              { title: t('person'), dataIndex: 'fullName' },
              { title: t('organization'), dataIndex: 'organizationName' },
              {
                title: t('status'),
                dataIndex: 'status',
                render: (s: Registration['status']) => (
                  <Tag color={s === 'registered' ? 'green' : 'orange'}>{t(`regStatus.${s}`)}</Tag>
                ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

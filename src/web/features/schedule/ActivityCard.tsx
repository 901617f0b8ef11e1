// One programme item as a card: time, title, form, presenters, seats; actions for managers or participants.
import { Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/notify';
import { type Activity, timeRange, useRegister } from './schedule.api';

export type ActivityCardProps = {
  activity: Activity;
  manage?: { onMove: () => void; onRemove: () => void; onAttendance: () => void };
  /** participants may register when the programme is published */
  canRegister?: boolean;
  extra?: React.ReactNode;
};

export function RegisterButton({ activity }: { activity: Activity }) {
  const { t } = useTranslation('schedule');
  const reg = useRegister();
  if (activity.myStatus === 'presenter') return <Tag color="blue">{t('presenter')}</Tag>;
  if (activity.myStatus)
    return (
      <Space wrap>
        <Tag color={activity.myStatus === 'registered' ? 'green' : 'orange'}>{t(activity.myStatus)}</Tag>
        <Button
          size="small"
          loading={reg.isPending}
          onClick={() =>
            reg
              .mutateAsync({ activityId: activity.id, cancel: true })
              .then(() => notifySuccess(t('cancelledOk')))
              .catch(notifyError)
          }
        >
          {t('unregister')}
        </Button>
      </Space>
    );
  return (
    <Button
      size="small"
      type="primary"
      loading={reg.isPending}
      onClick={() =>
        reg
          .mutateAsync({ activityId: activity.id })
          .then((r) => notifySuccess(t(r.status === 'waitlisted' ? 'waitlistedOk' : 'registeredOk')))
          .catch(notifyError)
      }
    >
      {t('register')}
    </Button>
  );
}

export function ActivityCard({ activity: a, manage, canRegister, extra }: ActivityCardProps) {
  const { t } = useTranslation('schedule');
  const full = a.capacity != null && a.registered >= a.capacity;
  return (
    <Card size="small" style={{ marginBottom: 8 }} styles={{ body: { padding: 10 } }}>
      <Typography.Text strong>{timeRange(a)}</Typography.Text>
      {extra}
      {a.sectionTitle ? (
        <div>
          <Tag color="purple">{`${t('events:iop.section')}: ${a.sectionTitle}`}</Tag>
        </div>
      ) : null}
      <div>
        {a.formTitle && <Typography.Text type="secondary">{a.formTitle}: </Typography.Text>}
        <Typography.Text>{a.formTitle ? `«${a.title}»` : a.title}</Typography.Text>
      </div>
      {a.presenters.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {a.presenters.map((p) => p.shortName).join(', ')}
        </Typography.Text>
      )}
      <Typography.Text type={full ? 'warning' : 'secondary'} style={{ fontSize: 12, display: 'block' }}>
        {t('registeredCount', {
          registered: a.registered,
          cap: a.capacity != null ? ` / ${a.capacity}` : '',
        })}
        {a.waitlisted > 0 ? `, ${t('waitlistedCount', { count: a.waitlisted })}` : ''}
      </Typography.Text>
      <Flex gap={6} wrap style={{ marginTop: 6 }}>
        {manage && (
          <>
            <Button size="small" onClick={manage.onMove}>
              {t('move')}
            </Button>
            <Button size="small" onClick={manage.onAttendance}>
              {t('attendance')}
            </Button>
            <Button size="small" danger onClick={manage.onRemove}>
              {t('remove')}
            </Button>
          </>
        )}
        {canRegister && <RegisterButton activity={a} />}
      </Flex>
    </Card>
  );
}

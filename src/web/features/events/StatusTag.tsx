// Coloured tags for event and application statuses.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus, EventStatus } from './events.api';

const EVENT_COLORS: Record<EventStatus, string> = {
  draft: 'default',
  approved: 'blue',
  call_open: 'green',
  call_closed: 'orange',
  completed: 'purple',
  cancelled: 'red',
};
const APP_COLORS: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  changes_requested: 'orange',
  accepted: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

export function StatusTag({ status }: { status: EventStatus }) {
  const { t } = useTranslation('events');
  return <Tag color={EVENT_COLORS[status]}>{t(`status.${status}`)}</Tag>;
}

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation('events');
  return <Tag color={APP_COLORS[status]}>{t(`appStatus.${status}`)}</Tag>;
}

// The «О мероприятии» tab: theme, content, venue, audience and the published call.
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventForTab, EventTabMeta } from '../../app/event-tab';
import { formatDate } from '../../components/format';
import { useEvent } from './events.api';

export const tab: EventTabMeta = { key: 'about', labelKey: 'events:page.tabs.about', order: 0 };

export default function EventTabAbout({ event }: { event: EventForTab }) {
  const { t } = useTranslation('events');
  const { data: e } = useEvent(event.id);
  if (!e) return null;
  const none = t('page.audienceNone');
  const text = (v: string | null) =>
    v ? <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>{v}</Typography.Paragraph> : '—';
  return (
    <Descriptions column={1} bordered size="small">
      <Descriptions.Item label={t('field.theme')}>{e.theme ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('field.description')}>{text(e.description)}</Descriptions.Item>
      <Descriptions.Item label={t('field.host')}>{e.hostOrganizationName}</Descriptions.Item>
      <Descriptions.Item label={t('field.venue')}>{e.venue ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('field.audienceOrganizations')}>
        {e.audienceOrganizations.map((o) => o.name).join(', ') || none}
      </Descriptions.Item>
      <Descriptions.Item label={t('field.audienceMunicipalities')}>
        {e.audienceMunicipalities.map((o) => o.name).join(', ') || none}
      </Descriptions.Item>
      {e.applicationsOpenFrom ? (
        <Descriptions.Item label={t('field.window')}>
          {formatDate(e.applicationsOpenFrom)} — {formatDate(e.applicationsOpenUntil)}
        </Descriptions.Item>
      ) : null}
      {e.conditions ? (
        <Descriptions.Item label={t('field.conditions')}>{text(e.conditions)}</Descriptions.Item>
      ) : null}
      {e.procedure ? (
        <Descriptions.Item label={t('field.procedure')}>{text(e.procedure)}</Descriptions.Item>
      ) : null}
      {e.capPerOrganization ? (
        <Descriptions.Item label={t('field.capPerOrganization')}>{e.capPerOrganization}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

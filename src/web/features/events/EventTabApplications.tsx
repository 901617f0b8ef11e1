// The «Заявки» tab: applications the user may see (organiser — all, head — their organisation's, teacher — own),
// filters by status, form and (at a research-practice conference) section, and the «Подать заявку» button while the call is open.
import { Button, Flex, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventForTab, EventTabMeta } from '../../app/event-tab';
import { useMe } from '../../app/useMe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { formatDate } from '../../components/format';
import { APPLICATION_STATUSES, type Application, useActivityForms, useApplications } from './events.api';
import { ApplicationStatusTag } from './StatusTag';
import { useSections } from './sections.api';

export const tab: EventTabMeta = {
  key: 'applications',
  labelKey: 'events:page.tabs.applications',
  order: 10,
};

export default function EventTabApplications({ event }: { event: EventForTab }) {
  const { t } = useTranslation('events');
  const { me } = useMe();
  const [status, setStatus] = useState<string>();
  const [formId, setFormId] = useState<string>();
  const [sectionId, setSectionId] = useState<string>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const forms = useActivityForms();
  const sections = useSections(event.id, event.kind === 'research_conference');
  const hasSections = (sections.data?.items.length ?? 0) > 0;
  const apps = useApplications(event.id, { status, formId, sectionId, ...page });
  const columns: ColumnsType<Application> = [
    {
      key: 'topic',
      title: t('apps.topic'),
      render: (_, a) => <Link to={`/applications/${a.id}`}>{a.topic}</Link>,
    },
    { key: 'form', title: t('apps.form'), render: (_, a) => a.form.title },
    ...(hasSections
      ? [
          {
            key: 'section',
            title: t('iop.section'),
            render: (_: unknown, a: Application) => a.sectionTitle ?? '—',
          },
        ]
      : []),
    { key: 'applicant', title: t('apps.applicant'), render: (_, a) => a.applicant.name },
    { key: 'org', title: t('apps.organization'), render: (_, a) => a.organization?.name ?? '—' },
    { key: 'submittedAt', title: t('apps.submittedAt'), render: (_, a) => formatDate(a.submittedAt) },
    { key: 'status', title: t('field.status'), render: (_, a) => <ApplicationStatusTag status={a.status} /> },
  ];
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Select
          value={status}
          onChange={setStatus}
          allowClear
          placeholder={t('field.status')}
          aria-label={t('field.status')}
          style={{ width: 200 }}
          options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`appStatus.${s}`) }))}
        />
        <Select
          value={formId}
          onChange={setFormId}
          allowClear
          placeholder={t('apps.form')}
          aria-label={t('apps.form')}
          style={{ width: 260 }}
          options={(forms.data?.items ?? []).map((f) => ({ value: f.id, label: f.title }))}
        />
        {hasSections ? (
          <Select
            value={sectionId}
            onChange={setSectionId}
            allowClear
            placeholder={t('iop.section')}
            aria-label={t('iop.section')}
            style={{ width: 260 }}
            options={(sections.data?.items ?? []).map((x) => ({ value: x.id, label: x.title }))}
          />
        ) : null}
        <ExportButton
          path={`/events/${event.id}/applications/export.xlsx`}
          query={{ status, formId, sectionId }}
        />
        {event.status === 'call_open' && me?.personId ? (
          <Link to={`/events/${event.id}/apply`}>
            <Button type="primary">{t('apps.apply')}</Button>
          </Link>
        ) : null}
      </Flex>
      <ErrorAlert error={apps.error} />
      <Table<Application>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={apps.data?.items ?? []}
        loading={apps.isFetching}
        locale={{ emptyText: apps.isLoading ? ' ' : t('apps.empty') }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: apps.data?.total ?? 0,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
    </>
  );
}

// The home dashboard: cards chosen by what the user is — a teacher with a person record (open calls, their
// schedule, their applications), an organiser (applications awaiting review, their events), an organisation head
// (the organisation's applications).
import { Col, Row } from 'antd';
import type { ReactNode } from 'react';
import { useMe } from '../../app/useMe';
import { AwaitingReviewCard } from './AwaitingReviewCard';
import { ManagedEventsCard } from './ManagedEventsCard';
import { MyApplicationsCard } from './MyApplicationsCard';
import { MyScheduleCard } from './MyScheduleCard';
import { OpenCallsCard } from './OpenCallsCard';
import { OrganizationApplicationsCard } from './OrganizationApplicationsCard';

export function Dashboard() {
  const { me, hasRole } = useMe();
  const hasPerson = !!me?.personId;
  const manages = hasRole('admin', 'methodologist');
  const heads =
    me?.roles.some((g) => g.role === 'organization_head' && g.scopeType === 'organization') ?? false;
  const cards: { key: string; node: ReactNode }[] = [];
  if (manages) {
    cards.push({ key: 'review', node: <AwaitingReviewCard /> });
    cards.push({ key: 'events', node: <ManagedEventsCard /> });
  }
  if (heads) cards.push({ key: 'org', node: <OrganizationApplicationsCard /> });
  if (hasPerson || !manages)
    cards.push({
      key: 'calls',
      node: <OpenCallsCard canApply={hasPerson} explainNoPerson={hasRole('teacher')} />,
    });
  if (hasPerson) {
    cards.push({ key: 'schedule', node: <MyScheduleCard /> });
    cards.push({ key: 'mine', node: <MyApplicationsCard /> });
  }
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col key={c.key} xs={24} lg={12}>
          {c.node}
        </Col>
      ))}
    </Row>
  );
}

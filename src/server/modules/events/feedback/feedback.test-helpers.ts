// Factories for the feedback, report, materials and portfolio tests: events, activities, presenters,
// registrations and attendance are created directly (their owners build the real flows in parallel).
import { randomUUID } from 'node:crypto';
import { buildOrganization, buildPerson, signInAs } from '../../../../../tests/harness/factories.js';
import type { TestApp } from '../../../../../tests/harness/test-app.js';
import {
  activity,
  activityForm,
  activityPresenter,
  application,
  attendance,
  event,
  registration,
  staffAssignment,
} from '../events.tables.js';

const uniq = () => randomUUID().slice(0, 8);

export async function buildEvent(t: TestApp, o: Partial<typeof event.$inferInsert> = {}) {
  const hostOrganizationId = o.hostOrganizationId ?? (await buildOrganization(t)).id;
  const [e] = await t.ctx.db
    .insert(event)
    .values({
      kind: 'pedagogical_session',
      title: `Августовская педагогическая сессия ${uniq()}`,
      startDate: '2026-08-25',
      endDate: '2026-08-26',
      status: 'approved',
      ...o,
      hostOrganizationId,
    })
    .returning();
  return e!;
}

export async function buildForm(t: TestApp, o: Partial<typeof activityForm.$inferInsert> = {}) {
  const [f] = await t.ctx.db
    .insert(activityForm)
    .values({ code: `form_${uniq()}`, title: 'Мастер-класс', ...o })
    .returning();
  return f!;
}

export async function buildActivity(
  t: TestApp,
  eventId: string,
  o: Partial<typeof activity.$inferInsert> = {},
) {
  const [a] = await t.ctx.db
    .insert(activity)
    .values({
      eventId,
      title: `Мастер-класс ${uniq()}`,
      topic: 'Формирующее оценивание',
      startsAt: new Date('2026-08-25T07:00:00Z'),
      endsAt: new Date('2026-08-25T08:00:00Z'),
      ...o,
    })
    .returning();
  return a!;
}

export async function addPresenter(t: TestApp, activityId: string, personId: string) {
  await t.ctx.db.insert(activityPresenter).values({ activityId, personId });
}

export async function register(t: TestApp, activityId: string, personId: string, attended = true) {
  await t.ctx.db.insert(registration).values({ activityId, personId });
  if (attended) await t.ctx.db.insert(attendance).values({ activityId, personId });
}

export async function addStaff(t: TestApp, eventId: string, personId: string) {
  await t.ctx.db.insert(staffAssignment).values({ eventId, personId, duty: 'technical' });
}

export async function buildApplication(
  t: TestApp,
  eventId: string,
  o: Partial<typeof application.$inferInsert> = {},
) {
  const applicantPersonId = o.applicantPersonId ?? (await buildPerson(t)).id;
  const formId = o.formId ?? (await buildForm(t)).id;
  const [a] = await t.ctx.db
    .insert(application)
    .values({ topic: 'Тема', status: 'submitted', ...o, eventId, applicantPersonId, formId })
    .returning();
  return a!;
}

/** A person with a signed-in teacher account. */
export async function participant(t: TestApp, organizationId?: string) {
  const p = await buildPerson(t, organizationId ? { organizationId } : {});
  const s = await signInAs(t, 'teacher', {}, { personId: p.id });
  return { person: p, ...s };
}

/** An event hosted by an organisation, with a methodologist of its municipality signed in. */
export async function eventWithManager(t: TestApp) {
  const org = await buildOrganization(t);
  const ev = await buildEvent(t, { hostOrganizationId: org.id });
  const manager = await signInAs(t, 'methodologist', {
    scopeType: 'municipality',
    scopeId: org.municipalityId,
  });
  return { org, event: ev, manager };
}

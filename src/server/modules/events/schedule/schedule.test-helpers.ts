// Test factories for the schedule: events, forms and applications as rows (the event services are built
// elsewhere), and a world of users around one host organisation.
import { randomUUID } from 'node:crypto';
import {
  buildMunicipality,
  buildOrganization,
  buildPerson,
  signInAs,
} from '../../../../../tests/harness/factories.js';
import type { TestApp } from '../../../../../tests/harness/test-app.js';
import { activityForm, application, applicationPresenter, event } from '../events.tables.js';

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const uniq = () => randomUUID().slice(0, 8);

export async function buildEvent(
  t: TestApp,
  o: Partial<typeof event.$inferInsert> & { hostOrganizationId: string },
) {
  const [e] = await t.ctx.db
    .insert(event)
    .values({
      kind: 'pedagogical_session',
      title: `Августовская сессия ${uniq()}`,
      startDate: '2026-08-25',
      endDate: '2026-08-26',
      status: 'call_closed',
      ...o,
    })
    .returning();
  return e;
}

export async function buildForm(t: TestApp, title = 'Мастер-класс') {
  const [f] = await t.ctx.db
    .insert(activityForm)
    .values({ code: `form-${uniq()}`, title })
    .returning();
  return f;
}

export async function buildApplication(
  t: TestApp,
  o: {
    eventId: string;
    applicantPersonId: string;
    formId: string;
    topic?: string;
    status?: (typeof application.$inferInsert)['status'];
    coPresenters?: string[];
  },
) {
  const [a] = await t.ctx.db
    .insert(application)
    .values({
      eventId: o.eventId,
      applicantPersonId: o.applicantPersonId,
      formId: o.formId,
      topic: o.topic ?? `Тема ${uniq()}`,
      durationMinutes: 45,
      status: o.status ?? 'accepted',
    })
    .returning();
  if (o.coPresenters?.length)
    await t.ctx.db
      .insert(applicationPresenter)
      .values(o.coPresenters.map((personId) => ({ applicationId: a.id, personId })));
  return a;
}

export type ScheduleWorld = Awaited<ReturnType<typeof buildScheduleWorld>>;

/** A host organisation in a municipality, its methodologist, a methodologist elsewhere, an admin, teachers. */
export async function buildScheduleWorld(t: TestApp) {
  const muni = await buildMunicipality(t);
  const otherMuni = await buildMunicipality(t);
  const host = await buildOrganization(t, { municipalityId: muni.id });
  const school = await buildOrganization(t, { municipalityId: muni.id });
  const admin = await signInAs(t, 'admin');
  const methodologist = await signInAs(t, 'methodologist', { scopeType: 'municipality', scopeId: muni.id });
  const otherMethodologist = await signInAs(t, 'methodologist', {
    scopeType: 'municipality',
    scopeId: otherMuni.id,
  });
  const teacherPerson = await buildPerson(t, {
    organizationId: school.id,
    surname: 'Смирнова',
    name: 'Ольга',
    patronymic: 'Ивановна',
  });
  const teacher = await signInAs(
    t,
    'teacher',
    { scopeType: 'organization', scopeId: school.id },
    {
      personId: teacherPerson.id,
    },
  );
  const form = await buildForm(t);
  return {
    muni,
    otherMuni,
    host,
    school,
    admin,
    methodologist,
    otherMethodologist,
    teacher,
    teacherPerson,
    form,
  };
}

/** A signed-in teacher linked to a fresh person of `organizationId`. */
export async function buildTeacher(
  t: TestApp,
  organizationId: string,
  o: Partial<{ surname: string; name: string; patronymic: string }> = {},
) {
  const p = await buildPerson(t, { organizationId, ...o });
  const s = await signInAs(
    t,
    'teacher',
    { scopeType: 'organization', scopeId: organizationId },
    { personId: p.id },
  );
  return { person: p, ...s };
}

/** Local Moscow time on a day of the event as an ISO instant. */
export const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+03:00`;

/** A one-day event on 25.08.2026 with one room («Кабинет 5», 10 seats) and one placed, published activity. */
export async function publishedActivity(t: TestApp, w: ScheduleWorld) {
  const D = '2026-08-25';
  const ev = await buildEvent(t, {
    hostOrganizationId: w.host.id,
    startDate: D,
    endDate: D,
    title: 'Августовская конференция',
  });
  const room = await t.call({
    method: 'POST',
    url: `/api/events/${ev.id}/rooms`,
    cookie: w.admin.cookie,
    payload: { name: 'Кабинет 5', capacity: 10 },
  });
  const app = await buildApplication(t, {
    eventId: ev.id,
    applicantPersonId: w.teacherPerson.id,
    formId: w.form.id,
    topic: 'Цифровая лаборатория',
  });
  const a = await t.call({
    method: 'POST',
    url: `/api/events/${ev.id}/activities`,
    cookie: w.admin.cookie,
    payload: {
      applicationId: app.id,
      roomId: room.body.id,
      startsAt: at(D, '14:00'),
      endsAt: at(D, '14:45'),
    },
  });
  await t.call({
    method: 'POST',
    url: `/api/events/${ev.id}/schedule/publish`,
    cookie: w.admin.cookie,
    payload: {},
  });
  return { ev, activity: a.body };
}

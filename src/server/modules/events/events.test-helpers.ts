// Shared test world for the events module: two municipalities, a host and an invited organisation, people and roles.
import {
  buildMunicipality,
  buildOrganization,
  buildPerson,
  buildRegion,
  signInAs,
} from '../../../../tests/harness/factories.js';
import type { TestApp } from '../../../../tests/harness/test-app.js';

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export async function buildEventWorld(t: TestApp) {
  const region = await buildRegion(t);
  const muniA = await buildMunicipality(t, { regionId: region.id });
  const muniB = await buildMunicipality(t, { regionId: region.id });
  const host = await buildOrganization(t, { municipalityId: muniA.id });
  const invited = await buildOrganization(t, { municipalityId: muniB.id });
  const other = await buildOrganization(t, { municipalityId: muniB.id });
  const teacherPerson = await buildPerson(t, { organizationId: invited.id, surname: 'Петрова' });
  const teacher2Person = await buildPerson(t, { organizationId: other.id, surname: 'Сидорова' });
  const headPerson = await buildPerson(t, { organizationId: invited.id, surname: 'Кузнецова' });
  const admin = await signInAs(t, 'admin');
  const methodologist = await signInAs(t, 'methodologist', { scopeType: 'municipality', scopeId: muniA.id });
  const foreignMethodologist = await signInAs(t, 'methodologist', {
    scopeType: 'municipality',
    scopeId: muniB.id,
  });
  const teacher = await signInAs(
    t,
    'teacher',
    { scopeType: 'organization', scopeId: invited.id },
    { personId: teacherPerson.id },
  );
  const teacher2 = await signInAs(
    t,
    'teacher',
    { scopeType: 'organization', scopeId: other.id },
    { personId: teacher2Person.id },
  );
  const head = await signInAs(
    t,
    'organization_head',
    { scopeType: 'organization', scopeId: invited.id },
    { personId: headPerson.id },
  );
  return {
    region,
    muniA,
    muniB,
    host,
    invited,
    other,
    teacherPerson,
    teacher2Person,
    headPerson,
    admin,
    methodologist,
    foreignMethodologist,
    teacher,
    teacher2,
    head,
  };
}
export type EventWorld = Awaited<ReturnType<typeof buildEventWorld>>;

const iso = (d: Date) => d.toISOString().slice(0, 10);
export const daysFromNow = (n: number) => iso(new Date(Date.now() + n * 86_400_000));

export function eventBody(w: EventWorld, o: Record<string, unknown> = {}) {
  return {
    kind: 'pedagogical_session',
    title: 'Педагогическая сессия «Ресурсы роста»',
    theme: 'Функциональная грамотность',
    hostOrganizationId: w.host.id,
    startDate: daysFromNow(40),
    endDate: daysFromNow(42),
    venue: 'Дворец творчества',
    audienceOrganizationIds: [w.invited.id],
    audienceMunicipalityIds: [],
    ...o,
  };
}

/** An event moved through both approvals and an open call (window around today). */
export async function openCallEvent(
  t: TestApp,
  w: EventWorld,
  o: Record<string, unknown> = {},
  call: Record<string, unknown> = {},
) {
  const c = await t.call({
    method: 'POST',
    url: '/api/events',
    payload: eventBody(w, o),
    cookie: w.methodologist.cookie,
  });
  if (c.status !== 201) throw new Error(`create: ${c.status} ${c.raw}`);
  const id = c.body.id as string;
  for (const body of ['education_committee', 'methodological_centre'])
    await t.call({
      method: 'POST',
      url: `/api/events/${id}/approve`,
      payload: { body, decision: 'approved' },
      cookie: w.methodologist.cookie,
    });
  const p = await t.call({
    method: 'POST',
    url: `/api/events/${id}/publish-call`,
    payload: {
      conditions: 'Участвуют педагоги школ города.',
      procedure: 'Заявка через Рост.',
      applicationsOpenFrom: daysFromNow(-1),
      applicationsOpenUntil: daysFromNow(10),
      ...call,
    },
    cookie: w.methodologist.cookie,
  });
  if (p.status !== 200) throw new Error(`publish: ${p.status} ${p.raw}`);
  return id;
}

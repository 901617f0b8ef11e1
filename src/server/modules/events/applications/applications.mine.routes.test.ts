import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { buildEventWorld, daysFromNow, type EventWorld, openCallEvent } from '../events.test-helpers.js';

let t: TestApp;
let w: EventWorld;
let forms: Record<string, string>;
let evA: string; // hosted in muniA (the methodologist's scope)
let evB: string; // hosted in muniB (the foreign methodologist's scope)
const ids: Record<string, string> = {};

const draft = async (eventId: string, cookie: string, topic: string) => {
  const r = await t.call({
    method: 'POST',
    url: `/api/events/${eventId}/applications`,
    payload: { formId: forms.master_class, topic },
    cookie,
  });
  if (r.status !== 201) throw new Error(`draft: ${r.status} ${r.raw}`);
  return r.body.id as string;
};
const submit = (id: string, cookie: string) =>
  t.call({ method: 'POST', url: `/api/applications/${id}/submit`, cookie });
const get = (url: string, cookie?: string) => t.call({ method: 'GET', url, cookie });

beforeAll(async () => {
  t = await createTestApp();
  w = await buildEventWorld(t);
  const r = await get('/api/activity-forms', w.teacher.cookie);
  forms = Object.fromEntries(r.body.items.map((f: any) => [f.code, f.id]));
  evA = await openCallEvent(t, w);
  // an event hosted by the "other" organisation in muniB, created by the methodologist of muniB
  const c = await t.call({
    method: 'POST',
    url: '/api/events',
    payload: {
      kind: 'seminar',
      title: 'Семинар в другом округе',
      hostOrganizationId: w.other.id,
      startDate: daysFromNow(30),
      endDate: daysFromNow(30),
      audienceOrganizationIds: [w.invited.id],
      audienceMunicipalityIds: [],
    },
    cookie: w.foreignMethodologist.cookie,
  });
  if (c.status !== 201) throw new Error(`create B: ${c.status} ${c.raw}`);
  evB = c.body.id;
  for (const body of ['education_committee', 'methodological_centre'])
    await t.call({
      method: 'POST',
      url: `/api/events/${evB}/approve`,
      payload: { body, decision: 'approved' },
      cookie: w.foreignMethodologist.cookie,
    });
  const p = await t.call({
    method: 'POST',
    url: `/api/events/${evB}/publish-call`,
    payload: {
      conditions: 'Условия',
      procedure: 'Порядок',
      applicationsOpenFrom: daysFromNow(-1),
      applicationsOpenUntil: daysFromNow(10),
    },
    cookie: w.foreignMethodologist.cookie,
  });
  if (p.status !== 200) throw new Error(`publish B: ${p.status} ${p.raw}`);

  ids.teacherDraftA = await draft(evA, w.teacher.cookie, 'Черновик педагога');
  ids.teacherSubmittedA = await draft(evA, w.teacher.cookie, 'Поданная педагогом в А');
  await submit(ids.teacherSubmittedA, w.teacher.cookie);
  ids.teacherSubmittedB = await draft(evB, w.teacher.cookie, 'Поданная педагогом в Б');
  await submit(ids.teacherSubmittedB, w.teacher.cookie);
  ids.teacher2SubmittedA = await draft(evA, w.teacher2.cookie, 'Поданная другим педагогом');
  await submit(ids.teacher2SubmittedA, w.teacher2.cookie);
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/me/applications', () => {
  it('S0-3 X-1 401 anonymous, 400 bad status or page', async () => {
    expect((await get('/api/me/applications')).status).toBe(401);
    expect((await get('/api/me/applications?status=nope', w.teacher.cookie)).status).toBe(400);
    expect((await get('/api/me/applications?pageSize=0', w.teacher.cookie)).status).toBe(400);
  });

  it('S0-3 a teacher sees their own applications across events, drafts included, filtered by status', async () => {
    const r = await get('/api/me/applications', w.teacher.cookie);
    expect(r.status).toBe(200);
    const mine = r.body.items.map((a: any) => a.id).sort();
    expect(mine).toEqual([ids.teacherDraftA, ids.teacherSubmittedA, ids.teacherSubmittedB].sort());
    expect(r.body.total).toBe(3);
    expect(r.body.items.find((a: any) => a.id === ids.teacherDraftA)).toMatchObject({
      status: 'draft',
      eventTitle: 'Педагогическая сессия «Ресурсы роста»',
      canEdit: true,
      canReview: false,
    });
    const s = await get('/api/me/applications?status=submitted&pageSize=1', w.teacher.cookie);
    expect(s.body.total).toBe(2);
    expect(s.body.items).toHaveLength(1);
    expect(s.body.items[0].status).toBe('submitted');
  });

  it('S0-3 X-1 a teacher never sees another person’s applications; a user without applications gets none', async () => {
    const r = await get('/api/me/applications?pageSize=200', w.teacher2.cookie);
    expect(r.body.items.map((a: any) => a.id)).toEqual([ids.teacher2SubmittedA]);
    const m = await get('/api/me/applications', w.methodologist.cookie);
    expect(m.status).toBe(200);
    expect(m.body).toMatchObject({ items: [], total: 0 });
  });
});

describe('GET /api/applications/awaiting-review', () => {
  it('S0-4 X-1 401 anonymous, 403 teacher or head, 400 bad query', async () => {
    expect((await get('/api/applications/awaiting-review')).status).toBe(401);
    expect((await get('/api/applications/awaiting-review', w.teacher.cookie)).status).toBe(403);
    expect((await get('/api/applications/awaiting-review', w.head.cookie)).status).toBe(403);
    expect((await get('/api/applications/awaiting-review?eventId=x', w.methodologist.cookie)).status).toBe(
      400,
    );
    expect((await get('/api/applications/awaiting-review?page=0', w.methodologist.cookie)).status).toBe(400);
  });

  it('S0-4 X-1 a methodologist sees only submitted applications of events in their scope, counted per event', async () => {
    const r = await get('/api/applications/awaiting-review', w.methodologist.cookie);
    expect(r.status).toBe(200);
    expect(r.body.items.map((a: any) => a.id).sort()).toEqual(
      [ids.teacherSubmittedA, ids.teacher2SubmittedA].sort(),
    );
    expect(r.body.items.every((a: any) => a.canReview)).toBe(true);
    expect(r.body.byEvent).toEqual([
      expect.objectContaining({
        eventId: evA,
        count: 2,
        eventTitle: 'Педагогическая сессия «Ресурсы роста»',
      }),
    ]);
    expect(r.body.total).toBe(2);
    const f = await get('/api/applications/awaiting-review', w.foreignMethodologist.cookie);
    expect(f.body.items.map((a: any) => a.id)).toEqual([ids.teacherSubmittedB]);
    expect(f.body.byEvent.map((e: any) => e.eventId)).toEqual([evB]);
  });

  it('S0-4 admin sees every event; a filter by event narrows the list and drafts never appear', async () => {
    const r = await get(`/api/applications/awaiting-review?eventId=${evA}&pageSize=1`, w.admin.cookie);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(2);
    expect(r.body.items).toHaveLength(1);
    const all = await get('/api/applications/awaiting-review?pageSize=200', w.admin.cookie);
    const seen = all.body.items.map((a: any) => a.id);
    expect(seen).toEqual(expect.arrayContaining([ids.teacherSubmittedA, ids.teacherSubmittedB]));
    expect(seen).not.toContain(ids.teacherDraftA);
  });
});

describe('GET /api/applications/organization-summary', () => {
  it('S0-4 X-1 401 anonymous, 403 without an organisation-head role', async () => {
    expect((await get('/api/applications/organization-summary')).status).toBe(401);
    expect((await get('/api/applications/organization-summary', w.teacher.cookie)).status).toBe(403);
    expect((await get('/api/applications/organization-summary', w.methodologist.cookie)).status).toBe(403);
  });

  it('S0-4 the head sees counts by status of their organisation’s applications per event, drafts excluded', async () => {
    const r = await get('/api/applications/organization-summary', w.head.cookie);
    expect(r.status).toBe(200);
    const byEvent = Object.fromEntries(r.body.items.map((g: any) => [g.event.id, g]));
    expect(byEvent[evA]).toMatchObject({
      organization: { id: w.invited.id },
      counts: { submitted: 1 },
      total: 1,
    });
    expect(byEvent[evB]).toMatchObject({ counts: { submitted: 1 }, total: 1 });
    // teacher2 works in another organisation: never counted here
    expect(r.body.items.every((g: any) => g.organization.id === w.invited.id)).toBe(true);
  });
});

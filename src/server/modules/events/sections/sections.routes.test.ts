import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { auditEntry } from '../../../platform/platform.tables.js';
import { downloadXlsx } from '../../directory/directory.test-helpers.js';
import {
  buildEventWorld,
  daysFromNow,
  type EventWorld,
  eventBody,
  openCallEvent,
  UNKNOWN_ID,
} from '../events.test-helpers.js';

let t: TestApp;
let w: EventWorld;
let forms: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildEventWorld(t);
  const r = await t.call({ method: 'GET', url: '/api/activity-forms', cookie: w.teacher.cookie });
  forms = Object.fromEntries(r.body.items.map((f: { code: string; id: string }) => [f.code, f.id]));
});
afterAll(async () => {
  await t.close();
});

const conference = () => openCallEvent(t, w, { kind: 'research_conference', title: 'НПК «Шаг в науку»' });
const addSection = (eventId: string, cookie: string | undefined, payload: Record<string, unknown>) =>
  t.call({ method: 'POST', url: `/api/events/${eventId}/sections`, payload, cookie });

describe('conference sections', () => {
  it('S2-4 S0-3 POST /api/events/:id/sections: 401, 403, 400, 404, 409 for another kind, 201 with audit', async () => {
    const ev = await conference();
    const body = { title: 'Естественно-научная секция', subject: 'Биология' };
    expect((await addSection(ev, undefined, body)).status).toBe(401);
    expect((await addSection(ev, w.teacher.cookie, body)).status).toBe(403);
    expect((await addSection(ev, w.foreignMethodologist.cookie, body)).status).toBe(403);
    expect((await addSection(ev, w.methodologist.cookie, { title: '' })).status).toBe(400);
    const badSubject = await addSection(ev, w.methodologist.cookie, { title: 'Секция', subject: 'Алхимия' });
    expect(badSubject.status).toBe(400);
    expect(badSubject.body.error.code).toBe('SECTION_UNKNOWN_SUBJECT');
    expect((await addSection(UNKNOWN_ID, w.methodologist.cookie, body)).status).toBe(404);

    const session = await openCallEvent(t, w);
    const wrongKind = await addSection(session, w.methodologist.cookie, body);
    expect(wrongKind.status).toBe(409);
    expect(wrongKind.body.error.code).toBe('SECTIONS_ONLY_FOR_CONFERENCE');
    expect(wrongKind.body.error.message).toMatch(/научно-практической конференции/);

    const ok = await addSection(ev, w.methodologist.cookie, body);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ eventId: ev, ...body, applications: 0, activities: 0 });
    const twice = await addSection(ev, w.admin.cookie, { title: 'естественно-научная секция' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('SECTION_TITLE_TAKEN');
    const logged = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entity, 'event_section'), eq(auditEntry.entityId, ok.body.id)));
    expect(logged.map((e) => e.action)).toEqual(['create']);
  });

  it('S2-4 GET /api/events/:id/sections: 401, 404 for a draft to outsiders, read by any signed-in user, sorted', async () => {
    const ev = await conference();
    await addSection(ev, w.methodologist.cookie, { title: 'Филология', subject: 'Литература' });
    await addSection(ev, w.methodologist.cookie, { title: 'Биология и химия' });
    expect((await t.call({ url: `/api/events/${ev}/sections` })).status).toBe(401);
    const list = await t.call({ url: `/api/events/${ev}/sections`, cookie: w.teacher2.cookie });
    expect(list.status).toBe(200);
    expect(list.body.canManage).toBe(false);
    expect(list.body.items.map((s: { title: string }) => s.title)).toEqual(['Биология и химия', 'Филология']);
    const mine = await t.call({ url: `/api/events/${ev}/sections`, cookie: w.methodologist.cookie });
    expect(mine.body.canManage).toBe(true);

    const draft = await t.call({
      method: 'POST',
      url: '/api/events',
      payload: eventBody(w, {
        kind: 'research_conference',
        startDate: daysFromNow(50),
        endDate: daysFromNow(50),
      }),
      cookie: w.methodologist.cookie,
    });
    expect(draft.status).toBe(201);
    expect(
      (await t.call({ url: `/api/events/${draft.body.id}/sections`, cookie: w.teacher.cookie })).status,
    ).toBe(404);
    expect((await t.call({ url: `/api/events/${UNKNOWN_ID}/sections`, cookie: w.admin.cookie })).status).toBe(
      404,
    );
    expect((await t.call({ url: `/api/events/nope/sections`, cookie: w.admin.cookie })).status).toBe(400);
  });

  it('S2-4 PATCH/DELETE /api/sections/:id: 401, 403, 400, 404, success with audit; a section in use is kept', async () => {
    const ev = await conference();
    const s = (await addSection(ev, w.methodologist.cookie, { title: 'Математика', subject: 'Математика' }))
      .body;
    const patch = (id: string, cookie: string | undefined, payload: Record<string, unknown>) =>
      t.call({ method: 'PATCH', url: `/api/sections/${id}`, payload, cookie });
    expect((await patch(s.id, undefined, { title: 'X' })).status).toBe(401);
    expect((await patch(s.id, w.teacher.cookie, { title: 'X' })).status).toBe(403);
    expect((await patch(s.id, w.methodologist.cookie, { title: '' })).status).toBe(400);
    expect((await patch(s.id, w.methodologist.cookie, { subject: 'Нет такого' })).status).toBe(400);
    expect((await patch(UNKNOWN_ID, w.methodologist.cookie, { title: 'X' })).status).toBe(404);
    const ok = await patch(s.id, w.methodologist.cookie, {
      title: 'Математика и информатика',
      subject: null,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: 'Математика и информатика', subject: null });

    // an application in the section keeps it from being deleted
    const app = await t.call({
      method: 'POST',
      url: `/api/events/${ev}/applications`,
      payload: { formId: forms.master_class, topic: 'Фракталы вокруг нас', sectionId: s.id },
      cookie: w.teacher.cookie,
    });
    expect(app.status).toBe(201);
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/applications/${app.body.id}/submit`,
          cookie: w.teacher.cookie,
        })
      ).status,
    ).toBe(200);
    const del = (id: string, cookie: string | undefined) =>
      t.call({ method: 'DELETE', url: `/api/sections/${id}`, cookie });
    expect((await del(s.id, undefined)).status).toBe(401);
    expect((await del(s.id, w.foreignMethodologist.cookie)).status).toBe(403);
    const inUse = await del(s.id, w.methodologist.cookie);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('SECTION_IN_USE');
    const listed = await t.call({ url: `/api/events/${ev}/sections`, cookie: w.methodologist.cookie });
    expect(listed.body.items[0].applications).toBe(1);

    const empty = (await addSection(ev, w.methodologist.cookie, { title: 'Резервная' })).body;
    expect((await del(empty.id, w.methodologist.cookie)).status).toBe(200);
    expect((await del(empty.id, w.methodologist.cookie)).status).toBe(404);
    const logged = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entity, 'event_section'), eq(auditEntry.entityId, empty.id)));
    expect(logged.map((e) => e.action).sort()).toEqual(['create', 'delete']);
  });

  it('S2-4 S0-3 applications: a section of another event is refused; plan link and product kept; filter by section; the programme carries the section', async () => {
    const ev = await conference();
    const other = await conference();
    const mine = (
      await addSection(ev, w.methodologist.cookie, { title: 'История и общество', subject: 'История' })
    ).body;
    const foreign = (await addSection(other, w.methodologist.cookie, { title: 'Чужая секция' })).body;
    const post = (payload: Record<string, unknown>) =>
      t.call({
        method: 'POST',
        url: `/api/events/${ev}/applications`,
        payload: { formId: forms.master_class, topic: 'Краеведение в проектах', ...payload },
        cookie: w.teacher.cookie,
      });
    const refused = await post({ sectionId: foreign.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('EVENT_UNKNOWN_SECTION');
    expect((await post({ developmentPlanId: 'not-a-uuid' })).status).toBe(400);

    const planId = '3f1c2a9e-5b7d-4e21-9a0b-6c8d7e5f4a31';
    const created = await post({
      sectionId: mine.id,
      developmentPlanId: planId,
      product: 'Программа кружка «Юный краевед»',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      sectionId: mine.id,
      developmentPlanId: planId,
      product: 'Программа кружка «Юный краевед»',
    });
    const id = created.body.id;
    const moved = await t.call({
      method: 'PATCH',
      url: `/api/applications/${id}`,
      payload: { sectionId: foreign.id },
      cookie: w.teacher.cookie,
    });
    expect(moved.status).toBe(400);
    const edited = await t.call({
      method: 'PATCH',
      url: `/api/applications/${id}`,
      payload: { product: 'Методическая разработка', developmentPlanId: null },
      cookie: w.teacher.cookie,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      sectionId: mine.id,
      developmentPlanId: null,
      product: 'Методическая разработка',
    });
    await post({ topic: 'Без секции' });

    expect(
      (await t.call({ method: 'POST', url: `/api/applications/${id}/submit`, cookie: w.teacher.cookie }))
        .status,
    ).toBe(200);
    const bySection = await t.call({
      url: `/api/events/${ev}/applications?sectionId=${mine.id}`,
      cookie: w.methodologist.cookie,
    });
    expect(bySection.status).toBe(200);
    expect(bySection.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect(bySection.body.items[0].sectionTitle).toBe('История и общество');
    const x = await downloadXlsx(
      t,
      `/api/events/${ev}/applications/export.xlsx?sectionId=${mine.id}`,
      w.methodologist.cookie,
    );
    expect(x.status).toBe(200);
    const row = Object.fromEntries(x.header.map((h, i) => [h, x.rows[0][i]]));
    expect(row).toMatchObject({ Секция: 'История и общество', 'Продукт ИОП': 'Методическая разработка' });
    expect(
      (await t.call({ url: `/api/events/${ev}/applications?sectionId=oops`, cookie: w.methodologist.cookie }))
        .status,
    ).toBe(400);

    const accepted = await t.call({
      method: 'POST',
      url: `/api/applications/${id}/review`,
      payload: { decision: 'accept' },
      cookie: w.methodologist.cookie,
    });
    expect(accepted.status).toBe(200);
    const unplaced = await t.call({
      url: `/api/events/${ev}/activities/unplaced`,
      cookie: w.methodologist.cookie,
    });
    expect(unplaced.body.items).toEqual([
      expect.objectContaining({ applicationId: id, sectionTitle: 'История и общество' }),
    ]);
    const day = daysFromNow(40);
    const placed = await t.call({
      method: 'POST',
      url: `/api/events/${ev}/activities`,
      payload: { applicationId: id, startsAt: `${day}T10:00:00+03:00`, endsAt: `${day}T10:45:00+03:00` },
      cookie: w.methodologist.cookie,
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ sectionId: mine.id, sectionTitle: 'История и общество' });
    // the programme document names the section under the item
    const docx = await t.app.inject({
      method: 'GET',
      url: `/api/events/${ev}/schedule.docx`,
      headers: { cookie: w.methodologist.cookie },
    });
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Секция «История и общество»');
  });
});

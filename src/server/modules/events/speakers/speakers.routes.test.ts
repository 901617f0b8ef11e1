import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, signInAs } from '../../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { auditEntry } from '../../../platform/platform.tables.js';
import { downloadXlsx } from '../../directory/directory.test-helpers.js';
import { buildEventWorld, type EventWorld, openCallEvent, UNKNOWN_ID } from '../events.test-helpers.js';

let t: TestApp;
let w: EventWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildEventWorld(t);
});
afterAll(async () => {
  await t.close();
});

const post = (cookie: string | undefined, payload: Record<string, unknown>) =>
  t.call({ method: 'POST', url: '/api/speakers', payload, cookie });

const auditOf = (id: string) =>
  t.ctx.db
    .select()
    .from(auditEntry)
    .where(and(eq(auditEntry.entity, 'invited_speaker'), eq(auditEntry.entityId, id)));

describe('invited speakers and partners', () => {
  it('S3-6 POST /api/speakers: 401, 403 for teachers and out-of-scope methodologists, 400, 201 with audit, 409 twice', async () => {
    // a leading teacher of the host organisation (muniA, the methodologist's scope)
    const leader = await buildPerson(t, { organizationId: w.host.id, surname: 'Белова', name: 'Анна' });
    const body = { personId: leader.id, kind: 'leading_teacher', note: 'Мастер-класс по смысловому чтению' };
    expect((await post(undefined, body)).status).toBe(401);
    expect((await post(w.teacher.cookie, body)).status).toBe(403);
    expect((await post(w.foreignMethodologist.cookie, body)).status).toBe(403);
    expect((await post(w.methodologist.cookie, { ...body, kind: 'guru' })).status).toBe(400);
    const unknownPerson = await post(w.methodologist.cookie, { ...body, personId: UNKNOWN_ID });
    expect(unknownPerson.status).toBe(400);
    expect(unknownPerson.body.error.code).toBe('SPEAKER_UNKNOWN_PERSON');
    const unknownEvent = await post(w.methodologist.cookie, { ...body, eventId: UNKNOWN_ID });
    expect(unknownEvent.status).toBe(400);
    expect(unknownEvent.body.error.code).toBe('SPEAKER_UNKNOWN_EVENT');

    const ok = await post(w.methodologist.cookie, body);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      kind: 'leading_teacher',
      note: body.note,
      event: null,
      canEdit: true,
      person: { id: leader.id, fullName: 'Белова Анна Петровна' },
    });
    expect((await auditOf(ok.body.id)).map((e) => e.action)).toEqual(['create']);
    const twice = await post(w.admin.cookie, body);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('SPEAKER_DUPLICATE');

    // an outside person (no organisation) is recorded by any methodologist; with an event, the event's host decides
    const veteran = await buildPerson(t, { organizationId: null, surname: 'Ветров', name: 'Пётр' });
    expect(
      (await post(w.foreignMethodologist.cookie, { personId: veteran.id, kind: 'veteran' })).status,
    ).toBe(201);
    const ev = await openCallEvent(t, w);
    expect(
      (await post(w.foreignMethodologist.cookie, { personId: veteran.id, kind: 'veteran', eventId: ev }))
        .status,
    ).toBe(403);
    const forEvent = await post(w.methodologist.cookie, {
      personId: veteran.id,
      kind: 'veteran',
      eventId: ev,
    });
    expect(forEvent.status).toBe(201);
    expect(forEvent.body.event).toMatchObject({ id: ev });
  });

  it('S3-6 GET /api/speakers: 401, 403 for guests, filters by kind, event and name, sorted by name, paginated; XLSX', async () => {
    const ev = await openCallEvent(t, w);
    const people = await Promise.all(
      ['Ёлкина', 'Абрамова', 'Жукова', 'Елкина'].map((surname) =>
        buildPerson(t, { organizationId: w.host.id, surname, name: 'Зоя', patronymic: 'Списковна' }),
      ),
    );
    for (const [i, p] of people.entries())
      expect(
        (
          await post(w.admin.cookie, {
            personId: p.id,
            kind: i % 2 ? 'contest_winner' : 'social_partner',
            eventId: ev,
          })
        ).status,
      ).toBe(201);
    expect((await t.call({ url: '/api/speakers' })).status).toBe(401);
    const guest = await signInAs(t, 'guest');
    expect((await t.call({ url: '/api/speakers', cookie: guest.cookie })).status).toBe(403);
    expect((await t.call({ url: '/api/speakers?kind=nope', cookie: w.teacher.cookie })).status).toBe(400);

    const all = await t.call({ url: `/api/speakers?eventId=${ev}`, cookie: w.teacher.cookie });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    expect(
      all.body.items.map((s: { person: { fullName: string } }) => s.person.fullName.split(' ')[0]),
    ).toEqual(['Абрамова', 'Елкина', 'Ёлкина', 'Жукова']);
    expect(all.body.items.every((s: { canEdit: boolean }) => !s.canEdit)).toBe(true);
    const winners = await t.call({
      url: `/api/speakers?eventId=${ev}&kind=contest_winner`,
      cookie: w.head.cookie,
    });
    expect(winners.body.items.map((s: { person: { id: string } }) => s.person.id).sort()).toEqual(
      [people[1].id, people[3].id].sort(),
    );
    const byName = await t.call({
      url: `/api/speakers?q=${encodeURIComponent('жуко зоя списков')}`,
      cookie: w.methodologist.cookie,
    });
    expect(byName.body.items.map((s: { person: { id: string } }) => s.person.id)).toEqual([people[2].id]);
    expect(byName.body.items[0].canEdit).toBe(true);
    const page2 = await t.call({
      url: `/api/speakers?eventId=${ev}&pageSize=3&page=2`,
      cookie: w.admin.cookie,
    });
    expect(page2.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.body.items).toHaveLength(1);

    const x = await downloadXlsx(t, `/api/speakers/export.xlsx?eventId=${ev}`, w.methodologist.cookie);
    expect(x.status).toBe(200);
    expect(x.header).toEqual(['ФИО', 'Качество', 'Должность', 'Организация', 'Мероприятие', 'Примечание']);
    expect(x.rows).toHaveLength(4);
    expect(x.rows[0].slice(0, 2)).toEqual([
      'Абрамова Зоя Списковна',
      'победитель профессионального конкурса',
    ]);
    expect((await downloadXlsx(t, '/api/speakers/export.xlsx', guest.cookie)).status).toBe(403);
  });

  it('S3-6 PATCH/DELETE /api/speakers/:id: 401, 403, 400, 404, success with audit', async () => {
    const p = await buildPerson(t, { organizationId: w.host.id, surname: 'Меняева' });
    const s = (await post(w.methodologist.cookie, { personId: p.id, kind: 'contest_winner' })).body;
    const patch = (id: string, cookie: string | undefined, payload: Record<string, unknown>) =>
      t.call({ method: 'PATCH', url: `/api/speakers/${id}`, payload, cookie });
    expect((await patch(s.id, undefined, { note: 'x' })).status).toBe(401);
    expect((await patch(s.id, w.teacher.cookie, { note: 'x' })).status).toBe(403);
    expect((await patch(s.id, w.foreignMethodologist.cookie, { note: 'x' })).status).toBe(403);
    expect((await patch(s.id, w.methodologist.cookie, { kind: 'wizard' })).status).toBe(400);
    expect((await patch(s.id, w.methodologist.cookie, { eventId: UNKNOWN_ID })).status).toBe(400);
    expect((await patch(UNKNOWN_ID, w.methodologist.cookie, { note: 'x' })).status).toBe(404);
    const ok = await patch(s.id, w.methodologist.cookie, {
      kind: 'leading_teacher',
      note: 'Победитель «Учителя года» 2025',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ kind: 'leading_teacher', note: 'Победитель «Учителя года» 2025' });

    const del = (id: string, cookie: string | undefined) =>
      t.call({ method: 'DELETE', url: `/api/speakers/${id}`, cookie });
    expect((await del(s.id, undefined)).status).toBe(401);
    expect((await del(s.id, w.teacher.cookie)).status).toBe(403);
    expect((await del(s.id, w.foreignMethodologist.cookie)).status).toBe(403);
    expect((await del('nope', w.methodologist.cookie)).status).toBe(400);
    expect((await del(s.id, w.methodologist.cookie)).status).toBe(200);
    expect((await del(s.id, w.methodologist.cookie)).status).toBe(404);
    expect((await auditOf(s.id)).map((e) => e.action).sort()).toEqual(['create', 'delete', 'update']);
  });
});

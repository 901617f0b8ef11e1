import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { auditEntry, mailMessage } from '../../platform/platform.tables.js';
import { notification } from '../notifications/notifications.tables.js';
import { nextSessionDue } from './events.service.js';
import {
  buildEventWorld,
  daysFromNow,
  type EventWorld,
  eventBody,
  openCallEvent,
  UNKNOWN_ID,
} from './events.test-helpers.js';

let t: TestApp;
let w: EventWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildEventWorld(t);
});
afterAll(async () => {
  await t.close();
});

const create = (o: Record<string, unknown> = {}, cookie = w.methodologist.cookie) =>
  t.call({ method: 'POST', url: '/api/events', payload: eventBody(w, o), cookie });

describe('POST /api/events', () => {
  it('S0-1 X-1 401 anonymous, 403 teacher or methodologist outside the host scope, 400 bad body', async () => {
    expect((await t.call({ method: 'POST', url: '/api/events', payload: eventBody(w) })).status).toBe(401);
    expect((await create({}, w.teacher.cookie)).status).toBe(403);
    expect((await create({}, w.foreignMethodologist.cookie)).status).toBe(403);
    expect((await create({ kind: 'party' })).status).toBe(400);
    expect((await create({ startDate: '2026-13-01' })).status).toBe(400);
    expect((await create({ hostOrganizationId: UNKNOWN_ID })).status).toBe(400);
  });

  it('S0-1 a pedagogical session must last 2–6 days: 1 and 7 days refused with EVENT_DURATION_INVALID, 2 and 6 accepted', async () => {
    const one = await create({ startDate: '2027-03-10', endDate: '2027-03-10' });
    expect(one.status).toBe(400);
    expect(one.body.error.code).toBe('EVENT_DURATION_INVALID');
    expect(one.body.error.message).toBe(
      'Педагогическая сессия длится от 2 до 6 дней включительно, а указано 1 день.',
    );
    const seven = await create({ startDate: '2027-03-10', endDate: '2027-03-16' });
    expect(seven.status).toBe(400);
    expect(seven.body.error.message).toContain('указано 7 дней');
    expect((await create({ startDate: '2027-03-10', endDate: '2027-03-11' })).status).toBe(201);
    expect((await create({ startDate: '2027-03-10', endDate: '2027-03-15' })).status).toBe(201);
    // another kind may last one day
    expect((await create({ kind: 'seminar', startDate: '2027-03-10', endDate: '2027-03-10' })).status).toBe(
      201,
    );
  });

  it('S0-1 the end cannot precede the start', async () => {
    const r = await create({ kind: 'seminar', startDate: '2027-03-10', endDate: '2027-03-09' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('EVENT_DATES_INVERTED');
  });

  it('S0-1 X-9 a methodologist creates an event; it is audited and managed by them', async () => {
    const r = await create();
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'draft',
      canManage: true,
      durationDays: 3,
      hostOrganizationName: w.host.shortName,
    });
    expect(r.body.audienceOrganizations).toEqual([{ id: w.invited.id, name: w.invited.shortName }]);
    const rows = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entity, 'event'), eq(auditEntry.entityId, r.body.id)));
    expect(rows.map((x) => x.action)).toEqual(['create']);
  });
});

describe('GET /api/events and /api/events/:id', () => {
  it('S0-1 X-1 401 anonymous; a teacher does not see drafts (404) but sees published events; canManage', async () => {
    const draft = (await create()).body.id;
    expect((await t.call({ method: 'GET', url: '/api/events' })).status).toBe(401);
    expect((await t.call({ method: 'GET', url: `/api/events/${draft}` })).status).toBe(401);
    expect(
      (await t.call({ method: 'GET', url: `/api/events/${draft}`, cookie: w.teacher.cookie })).status,
    ).toBe(404);
    expect(
      (await t.call({ method: 'GET', url: `/api/events/${UNKNOWN_ID}`, cookie: w.admin.cookie })).status,
    ).toBe(404);
    expect(
      (await t.call({ method: 'GET', url: '/api/events/not-a-uuid', cookie: w.admin.cookie })).status,
    ).toBe(400);
    const mine = await t.call({ method: 'GET', url: `/api/events/${draft}`, cookie: w.methodologist.cookie });
    expect(mine.body.canManage).toBe(true);
    const open = await openCallEvent(t, w);
    const seen = await t.call({ method: 'GET', url: `/api/events/${open}`, cookie: w.teacher.cookie });
    expect(seen.status).toBe(200);
    expect(seen.body.canManage).toBe(false);
    const list = await t.call({ method: 'GET', url: '/api/events?pageSize=200', cookie: w.teacher.cookie });
    const ids = list.body.items.map((e: any) => e.id);
    expect(ids).toContain(open);
    expect(ids).not.toContain(draft);
    const managerList = await t.call({
      method: 'GET',
      url: '/api/events?pageSize=200',
      cookie: w.methodologist.cookie,
    });
    expect(managerList.body.items.map((e: any) => e.id)).toContain(draft);
  });

  it('S0-1 the list filters by kind, status and academic year, sorts by start date and tells when the next session is due', async () => {
    await create({ kind: 'seminar', title: 'Семинар 2030', startDate: '2030-10-01', endDate: '2030-10-01' });
    await create({ title: 'Сессия 2030', startDate: '2030-11-02', endDate: '2030-11-04' });
    const r = await t.call({
      method: 'GET',
      url: '/api/events?year=2030/2031',
      cookie: w.methodologist.cookie,
    });
    expect(r.status).toBe(200);
    expect(r.body.items.map((e: any) => e.title)).toEqual(['Семинар 2030', 'Сессия 2030']);
    expect(r.body.items[0].academicYear).toBe('2030/2031');
    const bySession = await t.call({
      method: 'GET',
      url: '/api/events?year=2030/2031&kind=pedagogical_session&status=draft',
      cookie: w.methodologist.cookie,
    });
    expect(bySession.body.items.map((e: any) => e.title)).toEqual(['Сессия 2030']);
    expect(r.body.nextPedagogicalSessionDue).toMatchObject({
      academicYear: '2032/2033',
      message: 'следующая сессия — в 2032/2033 учебном году',
    });
    expect(
      (await t.call({ method: 'GET', url: '/api/events?year=2030', cookie: w.admin.cookie })).status,
    ).toBe(400);
  });

  it('S0-2 X-1 the list narrows to events I manage, events not over yet, and calls open today', async () => {
    const past = await create({
      kind: 'seminar',
      title: 'Прошедший семинар',
      startDate: daysFromNow(-20),
      endDate: daysFromNow(-20),
    });
    expect(past.status).toBe(201);
    const open = await openCallEvent(t, w, { title: 'Сессия с открытым приёмом' });
    const closedSoon = await openCallEvent(
      t,
      w,
      { title: 'Сессия, приём ещё не начался' },
      { applicationsOpenFrom: daysFromNow(3), applicationsOpenUntil: daysFromNow(9) },
    );
    const list = async (q: string, cookie: string) =>
      (await t.call({ method: 'GET', url: `/api/events?pageSize=200&${q}`, cookie })).body.items.map(
        (e: any) => e.title,
      ) as string[];

    const calls = await list('openForApplications=true', w.teacher.cookie);
    expect(calls).toContain('Сессия с открытым приёмом');
    expect(calls).not.toContain('Сессия, приём ещё не начался');
    const one = (
      await t.call({
        method: 'GET',
        url: '/api/events?openForApplications=true&pageSize=200',
        cookie: w.teacher.cookie,
      })
    ).body.items.find((e: any) => e.id === open);
    expect(one).toMatchObject({ applicationsOpen: true, applicationsOpenUntil: daysFromNow(10) });
    expect(closedSoon).toBeTruthy();

    const current = await list('current=true', w.methodologist.cookie);
    expect(current).not.toContain('Прошедший семинар');
    expect(current).toContain('Сессия с открытым приёмом');

    expect(await list('managed=true', w.methodologist.cookie)).toContain('Прошедший семинар');
    expect(await list('managed=true', w.foreignMethodologist.cookie)).not.toContain(
      'Сессия с открытым приёмом',
    );
    expect(await list('managed=true', w.teacher.cookie)).toEqual([]);
    expect(
      (await t.call({ method: 'GET', url: '/api/events?managed=maybe', cookie: w.teacher.cookie })).status,
    ).toBe(400);
  });

  it('S0-1 the next session is due two academic years after the last one', () => {
    expect(nextSessionDue('2026-10-05')?.message).toBe('следующая сессия — в 2028/2029 учебном году');
    expect(nextSessionDue('2027-03-01')?.academicYear).toBe('2028/2029');
    expect(nextSessionDue(null)).toBeNull();
  });
});

describe('PATCH and DELETE /api/events/:id', () => {
  it('S0-1 X-1 401, 403 for another scope, 400 for bad dates, 404 unknown; success audited', async () => {
    const id = (await create()).body.id;
    expect(
      (await t.call({ method: 'PATCH', url: `/api/events/${id}`, payload: { title: 'X' } })).status,
    ).toBe(401);
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/api/events/${id}`,
          payload: { title: 'X' },
          cookie: w.foreignMethodologist.cookie,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/api/events/${UNKNOWN_ID}`,
          payload: { title: 'X' },
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(404);
    const bad = await t.call({
      method: 'PATCH',
      url: `/api/events/${id}`,
      payload: { endDate: daysFromNow(60) },
      cookie: w.methodologist.cookie,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('EVENT_DURATION_INVALID');
    const ok = await t.call({
      method: 'PATCH',
      url: `/api/events/${id}`,
      payload: { title: 'Новая сессия', audienceMunicipalityIds: [w.muniB.id] },
      cookie: w.methodologist.cookie,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.title).toBe('Новая сессия');
    expect(ok.body.audienceMunicipalities).toEqual([{ id: w.muniB.id, name: w.muniB.name }]);
    const open = await openCallEvent(t, w);
    const forbidden = await t.call({
      method: 'PATCH',
      url: `/api/events/${open}`,
      payload: { title: 'X' },
      cookie: w.teacher.cookie,
    });
    expect(forbidden.status).toBe(403);
    const closed = await t.call({
      method: 'PATCH',
      url: `/api/events/${open}`,
      payload: { status: 'call_closed' },
      cookie: w.methodologist.cookie,
    });
    expect(closed.body.status).toBe('call_closed');
    expect(
      (await t.call({ method: 'DELETE', url: `/api/events/${open}`, cookie: w.methodologist.cookie })).status,
    ).toBe(409);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/events/${id}`, cookie: w.methodologist.cookie })).status,
    ).toBe(200);
    expect(
      (await t.call({ method: 'GET', url: `/api/events/${id}`, cookie: w.methodologist.cookie })).status,
    ).toBe(404);
  });
});

describe('POST /api/events/:id/approve', () => {
  it('S0-1 X-1 records who approved, when and with what comment; both bodies → approved', async () => {
    const id = (await create()).body.id;
    const url = `/api/events/${id}/approve`;
    expect((await t.call({ method: 'POST', url, payload: { body: 'education_committee' } })).status).toBe(
      401,
    );
    expect(
      (
        await t.call({
          method: 'POST',
          url,
          payload: { body: 'education_committee' },
          cookie: w.foreignMethodologist.cookie,
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.call({ method: 'POST', url, payload: { body: 'mayor' }, cookie: w.methodologist.cookie }))
        .status,
    ).toBe(400);
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/events/${UNKNOWN_ID}/approve`,
          payload: { body: 'education_committee' },
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(404);
    const first = await t.call({
      method: 'POST',
      url,
      payload: { body: 'education_committee', decision: 'approved', comment: 'Приказ № 12' },
      cookie: w.methodologist.cookie,
    });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('draft');
    expect(first.body.approvals).toEqual([
      expect.objectContaining({
        body: 'education_committee',
        decision: 'approved',
        comment: 'Приказ № 12',
        approvedByName: 'Тест methodologist',
      }),
    ]);
    const second = await t.call({
      method: 'POST',
      url,
      payload: { body: 'methodological_centre' },
      cookie: w.admin.cookie,
    });
    expect(second.body.status).toBe('approved');
    expect(second.body.approvals).toHaveLength(2);
    expect(
      (
        await t.call({
          method: 'POST',
          url,
          payload: { body: 'methodological_centre' },
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(409);
  });
});

describe('POST /api/events/:id/publish-call and the public page', () => {
  it('S0-2 X-1 the call cannot open before approval; 401/403/400', async () => {
    const id = (await create()).body.id;
    const url = `/api/events/${id}/publish-call`;
    const payload = {
      conditions: 'У',
      procedure: 'П',
      applicationsOpenFrom: daysFromNow(0),
      applicationsOpenUntil: daysFromNow(5),
    };
    expect((await t.call({ method: 'POST', url, payload })).status).toBe(401);
    expect((await t.call({ method: 'POST', url, payload, cookie: w.methodologist.cookie })).status).toBe(409);
    expect(
      (
        await t.call({
          method: 'POST',
          url,
          payload: { ...payload, applicationsOpenUntil: daysFromNow(-5) },
          cookie: w.methodologist.cookie,
        })
      ).status,
    ).toBe(400);
    expect(
      (await t.call({ method: 'POST', url, payload: { conditions: '' }, cookie: w.methodologist.cookie }))
        .status,
    ).toBe(400);
    expect((await t.call({ method: 'GET', url: `/api/public/events/${id}` })).status).toBe(404);
  });

  it('S0-2 X-4 opening the call notifies heads and teachers of invited organisations in the app and by e-mail', async () => {
    const id = await openCallEvent(t, w);
    const rows = await t.ctx.db.select().from(notification).where(eq(notification.kind, 'event_call_open'));
    const forEvent = rows.filter((r) => r.link === `/e/${id}`);
    const users = forEvent.map((r) => r.userId).sort();
    expect(users).toEqual([w.teacher.userId, w.head.userId].sort());
    expect(forEvent[0].title).toContain('Открыт приём заявок');
    const mails = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.kind, 'event_call_open'));
    expect(mails.map((m) => m.to)).toEqual(expect.arrayContaining([w.teacher.email, w.head.email]));
    expect(mails.map((m) => m.to)).not.toContain(w.teacher2.email);
    const mine = await t.call({ method: 'GET', url: '/api/notifications', cookie: w.teacher.cookie });
    expect(mine.body.unreadCount).toBeGreaterThanOrEqual(1);
    const teacherEvent = await t.call({ method: 'GET', url: `/api/events/${id}`, cookie: w.teacher.cookie });
    expect(teacherEvent.body).toMatchObject({ status: 'call_open', applicationsOpen: true });
  });

  it('S0-2 the public page shows conditions, procedure, window, dates, venue and host without sign-in', async () => {
    const id = await openCallEvent(t, w);
    const r = await t.call({ method: 'GET', url: `/api/public/events/${id}` });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      conditions: 'Участвуют педагоги школ города.',
      procedure: 'Заявка через Рост.',
      venue: 'Дворец творчества',
      hostOrganizationName: w.host.shortName,
      applicationsOpen: true,
      schedulePublished: false,
    });
    expect((await t.call({ method: 'GET', url: `/api/public/events/${UNKNOWN_ID}` })).status).toBe(404);
  });

  it('S2-4 the public page of a research-practice conference lists its sections with subjects', async () => {
    const id = await openCallEvent(t, w, {
      kind: 'research_conference',
      title: 'НПК «Шаг в профессию»',
      startDate: daysFromNow(40),
      endDate: daysFromNow(40),
    });
    for (const [title, subject] of [
      ['Филология', 'Русский язык'],
      ['Естественные науки', 'Биология'],
    ])
      expect(
        (
          await t.call({
            method: 'POST',
            url: `/api/events/${id}/sections`,
            payload: { title, subject },
            cookie: w.methodologist.cookie,
          })
        ).status,
      ).toBe(201);
    const r = await t.call({ method: 'GET', url: `/api/public/events/${id}` });
    expect(r.body.sections).toEqual([
      { title: 'Естественные науки', subject: 'Биология' },
      { title: 'Филология', subject: 'Русский язык' },
    ]);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { notification } from '../../notifications/index.js';
import {
  at,
  buildApplication,
  buildEvent,
  buildScheduleWorld,
  type ScheduleWorld,
  UNKNOWN_ID,
} from './schedule.test-helpers.js';

let t: TestApp;
let w: ScheduleWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildScheduleWorld(t);
});
afterAll(async () => {
  await t.close();
});

const D = '2026-08-25';

async function newEvent() {
  return buildEvent(t, { hostOrganizationId: w.host.id, startDate: D, endDate: '2026-08-26' });
}

async function addRoom(eventId: string, name = 'Аудитория 12', capacity: number | null = 20) {
  const r = await t.call({
    method: 'POST',
    url: `/api/events/${eventId}/rooms`,
    cookie: w.methodologist.cookie,
    payload: { name, capacity, equipment: 'проектор' },
  });
  expect(r.status).toBe(201);
  return r.body;
}

describe('rooms', () => {
  it('S0-5 X-1 rooms: 401, 403 other scope and teacher, 400, 404, create/list/update/delete', async () => {
    const ev = await newEvent();
    const url = `/api/events/${ev.id}/rooms`;
    expect((await t.call({ method: 'GET', url })).status).toBe(401);
    expect((await t.call({ method: 'GET', url, cookie: w.teacher.cookie })).status).toBe(403);
    expect((await t.call({ method: 'GET', url, cookie: w.otherMethodologist.cookie })).status).toBe(403);
    expect(
      (await t.call({ method: 'POST', url, cookie: w.methodologist.cookie, payload: { name: '' } })).status,
    ).toBe(400);
    expect(
      (await t.call({ method: 'GET', url: `/api/events/${UNKNOWN_ID}/rooms`, cookie: w.admin.cookie }))
        .status,
    ).toBe(404);
    const room = await addRoom(ev.id);
    const dup = await t.call({
      method: 'POST',
      url,
      cookie: w.admin.cookie,
      payload: { name: 'Аудитория 12' },
    });
    expect(dup.status).toBe(409);
    const upd = await t.call({
      method: 'PATCH',
      url: `/api/rooms/${room.id}`,
      cookie: w.methodologist.cookie,
      payload: { capacity: 30 },
    });
    expect(upd.body.capacity).toBe(30);
    const list = await t.call({ method: 'GET', url, cookie: w.admin.cookie });
    expect(list.body.items.map((r: any) => r.name)).toEqual(['Аудитория 12']);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/rooms/${UNKNOWN_ID}`, cookie: w.admin.cookie })).status,
    ).toBe(404);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/rooms/${room.id}`, cookie: w.admin.cookie })).status,
    ).toBe(200);
  });
});

describe('activities and clashes', () => {
  it('S0-5 X-1 placing: 401, 403, 400 bad body and outside the dates, 404 unknown event, not accepted refused', async () => {
    const ev = await newEvent();
    const room = await addRoom(ev.id);
    const url = `/api/events/${ev.id}/activities`;
    const payload = { title: 'Открытие', roomId: room.id, startsAt: at(D, '09:00'), endsAt: at(D, '09:30') };
    expect((await t.call({ method: 'POST', url, payload })).status).toBe(401);
    expect((await t.call({ method: 'POST', url, payload, cookie: w.teacher.cookie })).status).toBe(403);
    expect(
      (await t.call({ method: 'POST', url, payload: { roomId: room.id }, cookie: w.admin.cookie })).status,
    ).toBe(400);
    const outside = await t.call({
      method: 'POST',
      url,
      cookie: w.admin.cookie,
      payload: { ...payload, startsAt: at('2026-08-27', '09:00'), endsAt: at('2026-08-27', '10:00') },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.code).toBe('OUTSIDE_EVENT_DATES');
    const backwards = await t.call({
      method: 'POST',
      url,
      cookie: w.admin.cookie,
      payload: { ...payload, endsAt: at(D, '08:00') },
    });
    expect(backwards.body.error.code).toBe('TIME_RANGE_INVALID');
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/events/${UNKNOWN_ID}/activities`,
          payload,
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(404);
    const submitted = await buildApplication(t, {
      eventId: ev.id,
      applicantPersonId: w.teacherPerson.id,
      formId: w.form.id,
      status: 'submitted',
    });
    const notAccepted = await t.call({
      method: 'POST',
      url,
      cookie: w.admin.cookie,
      payload: { applicationId: submitted.id, startsAt: at(D, '10:00'), endsAt: at(D, '11:00') },
    });
    expect(notAccepted.body.error.code).toBe('APPLICATION_NOT_ACCEPTED');
    const ok = await t.call({ method: 'POST', url, payload, cookie: w.methodologist.cookie });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ title: 'Открытие', roomName: 'Аудитория 12', day: D, capacity: 20 });
  });

  it('S0-5 a room booked twice at overlapping times is refused with SCHEDULE_CLASH naming the clash', async () => {
    const ev = await newEvent();
    const room = await addRoom(ev.id);
    const app = await buildApplication(t, {
      eventId: ev.id,
      applicantPersonId: w.teacherPerson.id,
      formId: w.form.id,
      topic: 'Функциональная грамотность',
    });
    const url = `/api/events/${ev.id}/activities`;
    const first = await t.call({
      method: 'POST',
      url,
      cookie: w.methodologist.cookie,
      payload: { applicationId: app.id, roomId: room.id, startsAt: at(D, '14:00'), endsAt: at(D, '14:45') },
    });
    expect(first.status).toBe(201);
    expect(first.body.presenters.map((p: any) => p.shortName)).toEqual(['Смирнова О. И.']);
    const clash = await t.call({
      method: 'POST',
      url,
      cookie: w.methodologist.cookie,
      payload: { title: 'Круглый стол', roomId: room.id, startsAt: at(D, '14:30'), endsAt: at(D, '15:30') },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('SCHEDULE_CLASH');
    expect(clash.body.error.message).toBe(
      'Аудитория 12 уже занята 14:00–14:45: мастер-класс «Функциональная грамотность».',
    );
    const adjacent = await t.call({
      method: 'POST',
      url,
      cookie: w.methodologist.cookie,
      payload: { title: 'Круглый стол', roomId: room.id, startsAt: at(D, '14:45'), endsAt: at(D, '15:30') },
    });
    expect(adjacent.status).toBe(201);
    const again = await t.call({
      method: 'POST',
      url,
      cookie: w.methodologist.cookie,
      payload: { applicationId: app.id, roomId: room.id, startsAt: at(D, '16:00'), endsAt: at(D, '16:45') },
    });
    expect(again.body.error.code).toBe('APPLICATION_ALREADY_PLACED');
  });

  it('S0-5 X-4 a presenter booked twice is refused; moving into a clash is refused too; moving notifies the registered', async () => {
    const ev = await newEvent();
    const r1 = await addRoom(ev.id, 'Аудитория 1');
    const r2 = await addRoom(ev.id, 'Аудитория 2');
    const co = await buildPerson(t, {
      organizationId: w.school.id,
      surname: 'Иванова',
      name: 'Мария',
      patronymic: 'Петровна',
    });
    const a1 = await buildApplication(t, {
      eventId: ev.id,
      applicantPersonId: w.teacherPerson.id,
      formId: w.form.id,
      topic: 'Проектная деятельность',
      coPresenters: [co.id],
    });
    const other = await buildPerson(t, { organizationId: w.school.id });
    const a2 = await buildApplication(t, {
      eventId: ev.id,
      applicantPersonId: other.id,
      formId: w.form.id,
      coPresenters: [co.id],
    });
    const url = `/api/events/${ev.id}/activities`;
    const placed = await t.call({
      method: 'POST',
      url,
      cookie: w.admin.cookie,
      payload: { applicationId: a1.id, roomId: r1.id, startsAt: at(D, '10:00'), endsAt: at(D, '11:00') },
    });
    expect(placed.status).toBe(201);
    const clash = await t.call({
      method: 'POST',
      url,
      cookie: w.admin.cookie,
      payload: { applicationId: a2.id, roomId: r2.id, startsAt: at(D, '10:30'), endsAt: at(D, '11:30') },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toBe(
      'Иванова М. П. в это время ведёт мастер-класс «Проектная деятельность» (10:00–11:00).',
    );
    const second = await t.call({
      method: 'POST',
      url,
      cookie: w.admin.cookie,
      payload: { applicationId: a2.id, roomId: r2.id, startsAt: at(D, '11:00'), endsAt: at(D, '12:00') },
    });
    expect(second.status).toBe(201);
    const moveInto = await t.call({
      method: 'PATCH',
      url: `/api/activities/${second.body.id}`,
      cookie: w.admin.cookie,
      payload: { startsAt: at(D, '10:15'), endsAt: at(D, '11:15') },
    });
    expect(moveInto.status).toBe(409);
    // a registered teacher is told about a move
    await t.call({
      method: 'POST',
      url: `/api/events/${ev.id}/schedule/publish`,
      cookie: w.admin.cookie,
      payload: {},
    });
    const reg = await t.call({
      method: 'POST',
      url: `/api/activities/${second.body.id}/registrations`,
      cookie: w.teacher.cookie,
    });
    expect(reg.status).toBe(201);
    const moved = await t.call({
      method: 'PATCH',
      url: `/api/activities/${second.body.id}`,
      cookie: w.admin.cookie,
      payload: { startsAt: at(D, '13:00'), endsAt: at(D, '14:00'), roomId: r1.id },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.roomName).toBe('Аудитория 1');
    const outbox = await t.call({
      method: 'GET',
      url: `/api/outbox?q=${encodeURIComponent('Изменение в программе')}`,
      cookie: w.admin.cookie,
    });
    expect(outbox.body.items.some((m: any) => m.to === w.teacher.email)).toBe(true);
    const notices = await t.ctx.db
      .select()
      .from(notification)
      .where(eq(notification.userId, w.teacher.userId));
    expect(notices.map((n) => n.kind)).toContain('schedule_changed');
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/api/activities/${UNKNOWN_ID}`,
          cookie: w.admin.cookie,
          payload: {},
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/activities/${second.body.id}`, cookie: w.teacher.cookie }))
        .status,
    ).toBe(403);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/activities/${second.body.id}`, cookie: w.admin.cookie }))
        .status,
    ).toBe(200);
  });

  it('S0-5 two concurrent placements into one room cannot both pass', async () => {
    const ev = await newEvent();
    const room = await addRoom(ev.id);
    const url = `/api/events/${ev.id}/activities`;
    const results = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        t.call({
          method: 'POST',
          url,
          cookie: w.admin.cookie,
          payload: { title: `Пункт ${i}`, roomId: room.id, startsAt: at(D, '09:00'), endsAt: at(D, '10:00') },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
  });
});

describe('published schedule', () => {
  it('S0-5 X-1 schedule: managers always, others and the public only when published; unplaced list', async () => {
    const ev = await newEvent();
    const room = await addRoom(ev.id);
    const app = await buildApplication(t, {
      eventId: ev.id,
      applicantPersonId: w.teacherPerson.id,
      formId: w.form.id,
    });
    const unplaced = await t.call({
      method: 'GET',
      url: `/api/events/${ev.id}/activities/unplaced`,
      cookie: w.admin.cookie,
    });
    expect(unplaced.body.items.map((i: any) => i.applicationId)).toEqual([app.id]);
    await t.call({
      method: 'POST',
      url: `/api/events/${ev.id}/activities`,
      cookie: w.admin.cookie,
      payload: {
        applicationId: app.id,
        roomId: room.id,
        startsAt: at('2026-08-26', '10:00'),
        endsAt: at('2026-08-26', '11:00'),
      },
    });
    const url = `/api/events/${ev.id}/schedule`;
    const mine = await t.call({ method: 'GET', url, cookie: w.methodologist.cookie });
    expect(mine.status).toBe(200);
    expect(mine.body.canManage).toBe(true);
    expect(mine.body.days.map((d: any) => d.date)).toEqual([D, '2026-08-26']);
    expect(mine.body.days[1].activities).toHaveLength(1);
    expect((await t.call({ method: 'GET', url, cookie: w.teacher.cookie })).status).toBe(404);
    expect((await t.call({ method: 'GET', url: `/api/public/events/${ev.id}/schedule` })).status).toBe(404);
    const pubUrl = `/api/events/${ev.id}/schedule/publish`;
    expect((await t.call({ method: 'POST', url: pubUrl, payload: {} })).status).toBe(401);
    expect(
      (await t.call({ method: 'POST', url: pubUrl, payload: {}, cookie: w.teacher.cookie })).status,
    ).toBe(403);
    expect(
      (await t.call({ method: 'POST', url: pubUrl, payload: { published: 'yes' }, cookie: w.admin.cookie }))
        .status,
    ).toBe(400);
    expect(
      (await t.call({ method: 'POST', url: pubUrl, payload: {}, cookie: w.admin.cookie })).body.event
        .schedulePublished,
    ).toBe(true);
    const teacherView = await t.call({ method: 'GET', url, cookie: w.teacher.cookie });
    expect(teacherView.status).toBe(200);
    expect(teacherView.body.canManage).toBe(false);
    expect(teacherView.body.days[1].activities[0].myStatus).toBe('presenter');
    const pub = await t.call({ method: 'GET', url: `/api/public/events/${ev.id}/schedule` });
    expect(pub.status).toBe(200);
    expect(pub.body.days[1].activities[0].presenters[0].shortName).toBe('Смирнова О. И.');
    expect((await t.call({ method: 'GET', url: `/api/public/events/${UNKNOWN_ID}/schedule` })).status).toBe(
      404,
    );
  });
});

describe('API description', () => {
  it('X-8 the schedule routes are described in the OpenAPI document', async () => {
    const r = await t.call({ method: 'GET', url: '/api/openapi.json' });
    expect(r.status).toBe(200);
    for (const p of [
      '/api/events/{id}/rooms',
      '/api/events/{id}/activities',
      '/api/events/{id}/schedule',
      '/api/public/events/{id}/schedule',
      '/api/activities/{id}/registrations',
      '/api/me/calendar.ics',
      '/api/activities/{id}/checkin',
      '/api/events/{id}/staff',
      '/api/consultations/{id}',
    ])
      expect(Object.keys(r.body.paths), p).toContain(p);
  });
});

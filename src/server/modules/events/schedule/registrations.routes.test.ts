import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { notification } from '../../notifications/index.js';
import {
  at,
  buildApplication,
  buildEvent,
  buildScheduleWorld,
  buildTeacher,
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

async function publishedActivity(capacity: number | null, o: { publish?: boolean } = {}) {
  const ev = await buildEvent(t, { hostOrganizationId: w.host.id, startDate: D, endDate: D });
  const room = await t.call({
    method: 'POST',
    url: `/api/events/${ev.id}/rooms`,
    cookie: w.admin.cookie,
    payload: { name: 'Актовый зал', capacity },
  });
  const app = await buildApplication(t, {
    eventId: ev.id,
    applicantPersonId: w.teacherPerson.id,
    formId: w.form.id,
    topic: 'Смысловое чтение',
  });
  const a = await t.call({
    method: 'POST',
    url: `/api/events/${ev.id}/activities`,
    cookie: w.admin.cookie,
    payload: {
      applicationId: app.id,
      roomId: room.body.id,
      startsAt: at(D, '10:00'),
      endsAt: at(D, '11:00'),
    },
  });
  expect(a.status).toBe(201);
  if (o.publish !== false)
    await t.call({
      method: 'POST',
      url: `/api/events/${ev.id}/schedule/publish`,
      cookie: w.admin.cookie,
      payload: {},
    });
  return { ev, activity: a.body };
}

describe('registrations', () => {
  it('S0-5 S0-9 X-1 register: 401 anonymous, 403 without a person, 404 unknown or unpublished, success', async () => {
    const { activity } = await publishedActivity(null);
    const url = `/api/activities/${activity.id}/registrations`;
    expect((await t.call({ method: 'POST', url })).status).toBe(401);
    const noPerson = await t.call({ method: 'POST', url, cookie: w.methodologist.cookie });
    expect(noPerson.status).toBe(403);
    expect(noPerson.body.error.code).toBe('NO_PERSON');
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/activities/${UNKNOWN_ID}/registrations`,
          cookie: w.teacher.cookie,
        })
      ).status,
    ).toBe(404);
    const hidden = await publishedActivity(null, { publish: false });
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/activities/${hidden.activity.id}/registrations`,
          cookie: w.teacher.cookie,
        })
      ).status,
    ).toBe(404);
    const teacher = await buildTeacher(t, w.school.id);
    const ok = await t.call({ method: 'POST', url, cookie: teacher.cookie });
    expect(ok.status).toBe(201);
    expect(ok.body.status).toBe('registered');
    const twice = await t.call({ method: 'POST', url, cookie: teacher.cookie });
    expect(twice.body.status).toBe('registered');
  });

  it('S0-5 S0-9 X-4 beyond the room capacity people go to the waiting list; cancelling promotes the first waitlisted', async () => {
    const { activity } = await publishedActivity(2);
    const url = `/api/activities/${activity.id}/registrations`;
    const people = [];
    for (const surname of ['Абрамова', 'Борисова', 'Васильева', 'Григорьева'])
      people.push(await buildTeacher(t, w.school.id, { surname }));
    const statuses = [];
    for (const p of people)
      statuses.push((await t.call({ method: 'POST', url, cookie: p.cookie })).body.status);
    expect(statuses).toEqual(['registered', 'registered', 'waitlisted', 'waitlisted']);
    const cancel = await t.call({ method: 'DELETE', url, cookie: people[0].cookie });
    expect(cancel.status).toBe(200);
    expect(cancel.body.promotedPersonId).toBe(people[2].person.id);
    const notices = await t.ctx.db
      .select()
      .from(notification)
      .where(eq(notification.userId, people[2].userId));
    expect(notices.map((n) => n.kind)).toEqual(['registration_promoted']);
    expect((await t.call({ method: 'DELETE', url, cookie: people[0].cookie })).status).toBe(403);
    expect((await t.call({ method: 'DELETE', url })).status).toBe(401);
    const list = await t.call({ method: 'GET', url, cookie: w.methodologist.cookie });
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: any) => [r.fullName.split(' ')[0], r.status])).toEqual([
      ['Борисова', 'registered'],
      ['Васильева', 'registered'],
      ['Григорьева', 'waitlisted'],
    ]);
    expect((await t.call({ method: 'GET', url, cookie: w.teacher.cookie })).status).toBe(403);
    expect((await t.call({ method: 'GET', url: `${url}?status=gone`, cookie: w.admin.cookie })).status).toBe(
      400,
    );
  });

  it('S0-5 concurrent registrations never exceed the capacity', async () => {
    const { activity } = await publishedActivity(3);
    const url = `/api/activities/${activity.id}/registrations`;
    const people = [];
    for (let i = 0; i < 8; i++) people.push(await buildTeacher(t, w.school.id));
    const res = await Promise.all(people.map((p) => t.call({ method: 'POST', url, cookie: p.cookie })));
    expect(res.filter((r) => r.body.status === 'registered')).toHaveLength(3);
    expect(res.filter((r) => r.body.status === 'waitlisted')).toHaveLength(5);
  });

  it('S0-9 X-5 my schedule lists registered and presenting activities; the iCalendar feed needs the token', async () => {
    const { activity } = await publishedActivity(null);
    const teacher = await buildTeacher(t, w.school.id);
    await t.call({
      method: 'POST',
      url: `/api/activities/${activity.id}/registrations`,
      cookie: teacher.cookie,
    });
    expect((await t.call({ method: 'GET', url: '/api/me/schedule' })).status).toBe(401);
    const mine = await t.call({ method: 'GET', url: '/api/me/schedule?past=true', cookie: teacher.cookie });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((a: any) => [a.title, a.myStatus])).toEqual([
      ['Смысловое чтение', 'registered'],
    ]);
    // the activity is over (25.08.2026): without past, or with past=false, it is not listed
    for (const q of ['', '?past=false', '?past=0']) {
      const upcoming = await t.call({ method: 'GET', url: `/api/me/schedule${q}`, cookie: teacher.cookie });
      expect(upcoming.body.items.some((a: any) => a.id === activity.id)).toBe(false);
    }
    expect(
      (await t.call({ method: 'GET', url: '/api/me/schedule?past=yes', cookie: teacher.cookie })).status,
    ).toBe(400);
    const presenter = await t.call({
      method: 'GET',
      url: '/api/me/schedule?past=true',
      cookie: w.teacher.cookie,
    });
    expect(presenter.body.items.some((a: any) => a.id === activity.id && a.myStatus === 'presenter')).toBe(
      true,
    );
    expect(
      (await t.call({ method: 'GET', url: '/api/me/schedule?page=0', cookie: teacher.cookie })).status,
    ).toBe(400);

    expect((await t.call({ method: 'GET', url: '/api/me/calendar.ics' })).status).toBe(401);
    expect((await t.call({ method: 'GET', url: '/api/me/calendar.ics?token=nope' })).status).toBe(404);
    expect((await t.call({ method: 'POST', url: '/api/me/calendar-token' })).status).toBe(401);
    expect(
      (await t.call({ method: 'GET', url: '/api/me/calendar-token', cookie: teacher.cookie })).body.url,
    ).toBeNull();
    const link = await t.call({ method: 'POST', url: '/api/me/calendar-token', cookie: teacher.cookie });
    expect(link.status).toBe(200);
    const token = new URL(link.body.url).searchParams.get('token');
    const ics = await t.call({ method: 'GET', url: `/api/me/calendar.ics?token=${token}` });
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.raw).toContain('BEGIN:VEVENT');
    expect(ics.raw).toContain('SUMMARY:Смысловое чтение');
    expect(ics.raw).toContain('LOCATION:Актовый зал');
    expect(ics.raw).toContain('DTSTART:20260825T070000Z');
    // a new link replaces the old one
    await t.call({ method: 'POST', url: '/api/me/calendar-token', cookie: teacher.cookie });
    expect((await t.call({ method: 'GET', url: `/api/me/calendar.ics?token=${token}` })).status).toBe(404);
    const open = await t.call({
      method: 'GET',
      url: '/api/activities/open?pageSize=200',
      cookie: teacher.cookie,
    });
    expect(open.status).toBe(200);
  });
});

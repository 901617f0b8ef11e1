import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
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
let eventId: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildScheduleWorld(t);
  const D = '2026-08-26';
  const ev = await buildEvent(t, {
    hostOrganizationId: w.host.id,
    startDate: D,
    endDate: D,
    title: 'Сессия «Листы»',
  });
  eventId = ev.id;
  const room = await t.call({
    method: 'POST',
    url: `/api/events/${ev.id}/rooms`,
    cookie: w.admin.cookie,
    payload: { name: 'Кабинет 7', capacity: 20 },
  });
  for (const [topic, time] of [
    ['Проектная задача', '10:00'],
    ['Читательская грамотность', '12:00'],
  ] as const) {
    const app = await buildApplication(t, {
      eventId: ev.id,
      applicantPersonId: w.teacherPerson.id,
      formId: w.form.id,
      topic,
    });
    const [h, m] = time.split(':');
    const a = await t.call({
      method: 'POST',
      url: `/api/events/${ev.id}/activities`,
      cookie: w.admin.cookie,
      payload: {
        applicationId: app.id,
        roomId: room.body.id,
        startsAt: at(D, time),
        endsAt: at(D, `${String(Number(h) + 1).padStart(2, '0')}:${m}`),
      },
    });
    expect(a.status).toBe(201);
    if (topic === 'Проектная задача') {
      await t.call({
        method: 'POST',
        url: `/api/events/${ev.id}/schedule/publish`,
        cookie: w.admin.cookie,
        payload: {},
      });
      const p = await buildTeacher(t, w.school.id, {
        surname: 'Ёлкина',
        name: 'Вера',
        patronymic: 'Ильинична',
      });
      await t.call({ method: 'POST', url: `/api/activities/${a.body.id}/registrations`, cookie: p.cookie });
    }
  }
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/events/:id/attendance-lists.:format', () => {
  it('S0-5 X-6 X-1 every list of the event in one file, a page per activity; 401, 403, 404, 400', async () => {
    const url = `/api/events/${eventId}/attendance-lists.docx`;
    expect((await t.call({ method: 'GET', url })).status).toBe(401);
    expect((await t.call({ method: 'GET', url, cookie: w.teacher.cookie })).status).toBe(403);
    expect((await t.call({ method: 'GET', url, cookie: w.otherMethodologist.cookie })).status).toBe(403);
    expect(
      (
        await t.call({
          method: 'GET',
          url: `/api/events/${UNKNOWN_ID}/attendance-lists.pdf`,
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call({
          method: 'GET',
          url: `/api/events/${eventId}/attendance-lists.xls`,
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(400);

    const docx = await t.app.inject({ method: 'GET', url, headers: { cookie: w.methodologist.cookie } });
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    for (const s of [
      'Листы регистрации: Сессия «Листы»',
      '«Проектная задача»',
      '26.08.2026 10:00–11:00, Кабинет 7. Записались: 1',
      'Ёлкина Вера Ильинична',
      '«Читательская грамотность»',
      'Записались: 0',
    ])
      expect(xml).toContain(s);
    // the second list starts on a new page
    expect(xml.match(/<w:pageBreakBefore\/>/g)?.length).toBe(1);

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/events/${eventId}/attendance-lists.pdf`,
      headers: { cookie: w.methodologist.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('POST /api/events/:id/schedule/save-to-folder', () => {
  it('S0-13 X-1 the programme and the attendance lists go into the materials folder as generated PDFs', async () => {
    const url = `/api/events/${eventId}/schedule/save-to-folder`;
    const payload = { document: 'attendance_lists' };
    expect((await t.call({ method: 'POST', url, payload })).status).toBe(401);
    expect((await t.call({ method: 'POST', url, payload, cookie: w.teacher.cookie })).status).toBe(403);
    expect(
      (await t.call({ method: 'POST', url, payload: { document: 'photos' }, cookie: w.admin.cookie })).status,
    ).toBe(400);
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/events/${UNKNOWN_ID}/schedule/save-to-folder`,
          payload,
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(404);

    const lists = await t.call({ method: 'POST', url, payload, cookie: w.methodologist.cookie });
    expect(lists.status).toBe(201);
    expect(lists.body).toMatchObject({
      category: 'registration_lists',
      title: 'Листы регистрации',
      generated: true,
    });
    const programme = await t.call({
      method: 'POST',
      url,
      payload: { document: 'programme' },
      cookie: w.methodologist.cookie,
    });
    expect(programme.status).toBe(201);
    expect(programme.body).toMatchObject({
      category: 'other',
      title: 'Программа мероприятия',
      generated: true,
    });

    const folder = await t.call({
      method: 'GET',
      url: `/api/events/${eventId}/materials?pageSize=50`,
      cookie: w.methodologist.cookie,
    });
    expect(folder.body.items.map((m: any) => [m.category, m.title]).sort()).toEqual([
      ['other', 'Программа мероприятия'],
      ['registration_lists', 'Листы регистрации'],
    ]);
  });
});

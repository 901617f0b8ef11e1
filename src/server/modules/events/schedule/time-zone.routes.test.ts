// A centre east of Moscow (ROST_TIME_ZONE=Asia/Yekaterinburg, UTC+5): days and times of the programme follow its
// wall clock. This file's process runs with that zone; the others keep the default.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { ConfigError, loadConfig } from '../../../config/config.js';
import {
  buildApplication,
  buildEvent,
  buildScheduleWorld,
  type ScheduleWorld,
} from './schedule.test-helpers.js';

let t: TestApp;
let w: ScheduleWorld;
beforeAll(async () => {
  t = await createTestApp({ ROST_TIME_ZONE: 'Asia/Yekaterinburg' });
  w = await buildScheduleWorld(t);
});
afterAll(async () => {
  await t.close();
});

const D = '2026-08-25';

describe('the centre’s time zone', () => {
  it('X-8 a misspelt ROST_TIME_ZONE stops the start with a readable message', () => {
    expect(() => loadConfig({ ROST_TIME_ZONE: 'Asia/Ekaterinburg' })).toThrow(ConfigError);
    expect(() => loadConfig({ ROST_TIME_ZONE: 'Asia/Ekaterinburg' })).toThrow(/часовой пояс/);
    expect(loadConfig({}).timeZone).toBe('Europe/Moscow');
  });

  it('S0-5 GET /api/settings tells the interface the zone, without sign-in', async () => {
    const r = await t.call({ method: 'GET', url: '/api/settings' });
    expect(r.status).toBe(200);
    expect(r.body.timeZone).toBe('Asia/Yekaterinburg');
  });

  it('S0-5 an activity at 01:00 on the event day is inside the day on the centre’s clock, and the programme says 01:00', async () => {
    const ev = await buildEvent(t, {
      hostOrganizationId: w.host.id,
      startDate: D,
      endDate: D,
      title: 'Уральская сессия',
    });
    const room = await t.call({
      method: 'POST',
      url: `/api/events/${ev.id}/rooms`,
      cookie: w.admin.cookie,
      payload: { name: 'Зал 1', capacity: 30 },
    });
    const app = await buildApplication(t, {
      eventId: ev.id,
      applicantPersonId: w.teacherPerson.id,
      formId: w.form.id,
      topic: 'Ночная смена',
    });
    // 01:00 in Yekaterinburg is 23:00 the day before in Moscow: refused there, accepted here
    const placed = await t.call({
      method: 'POST',
      url: `/api/events/${ev.id}/activities`,
      cookie: w.admin.cookie,
      payload: {
        applicationId: app.id,
        roomId: room.body.id,
        startsAt: `${D}T01:00:00+05:00`,
        endsAt: `${D}T01:45:00+05:00`,
      },
    });
    expect(placed.status).toBe(201);
    const before = await t.call({
      method: 'POST',
      url: `/api/events/${ev.id}/activities`,
      cookie: w.admin.cookie,
      payload: { title: 'Заезд', startsAt: '2026-08-24T23:00:00+05:00', endsAt: '2026-08-24T23:30:00+05:00' },
    });
    expect(before.status).toBe(400);
    expect(before.body.error.code).toBe('OUTSIDE_EVENT_DATES');

    const docx = await t.app.inject({
      method: 'GET',
      url: `/api/events/${ev.id}/schedule.docx`,
      headers: { cookie: w.admin.cookie },
    });
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('25.08.2026, вторник');
    expect(xml).toContain('01:00–01:45');
  });
});

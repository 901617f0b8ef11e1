import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { buildEventWorld, type EventWorld, openCallEvent } from '../events.test-helpers.js';

let t: TestApp;
let w: EventWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildEventWorld(t);
});
afterAll(async () => {
  await t.close();
});

async function feedOf(cookie: string) {
  const link = await t.call({ method: 'POST', url: '/api/me/calendar-token', cookie });
  const token = new URL(link.body.url).searchParams.get('token');
  const ics = await t.call({ method: 'GET', url: `/api/me/calendar.ics?token=${token}` });
  expect(ics.status).toBe(200);
  // iCalendar folds long lines at 75 octets: unfold before reading
  return ics.raw.replace(/\r\n[ \t]/g, '');
}

describe('GET /api/me/calendar.ics — deadlines', () => {
  it('X-5 the feed shows the closing day of the call for an application not yet submitted, and drops it once submitted', async () => {
    const ev = await openCallEvent(t, w, { title: 'Сессия «Календарь»' });
    const forms = await t.call({ method: 'GET', url: '/api/activity-forms', cookie: w.teacher.cookie });
    const formId = forms.body.items.find((f: any) => f.code === 'seminar').id;
    const d = await t.call({
      method: 'POST',
      url: `/api/events/${ev}/applications`,
      payload: { formId, topic: 'Проектные задачи' },
      cookie: w.teacher.cookie,
    });
    expect(d.status).toBe(201);
    const until = (await t.call({ method: 'GET', url: `/api/events/${ev}`, cookie: w.teacher.cookie })).body
      .applicationsOpenUntil as string;

    const feed = await feedOf(w.teacher.cookie);
    expect(feed).toContain('SUMMARY:Срок подачи заявки: Сессия «Календарь»');
    expect(feed).toContain(`DTSTART;VALUE=DATE:${until.replaceAll('-', '')}`);
    expect(feed).toContain('Проектные задачи');
    // another teacher's feed does not show it
    expect(await feedOf(w.teacher2.cookie)).not.toContain('Сессия «Календарь»');

    const s = await t.call({
      method: 'POST',
      url: `/api/applications/${d.body.id}/submit`,
      cookie: w.teacher.cookie,
    });
    expect(s.status).toBe(200);
    expect(await feedOf(w.teacher.cookie)).not.toContain('Срок подачи заявки: Сессия «Календарь»');
  });
});

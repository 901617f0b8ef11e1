import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { DEMO_CONFERENCE, seedDemoConference } from './demo.conference.js';
import { DEMO_ACCOUNTS } from './demo.data.js';
import { seedDemo } from './demo.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx);
});
afterAll(async () => {
  await t.close();
});

describe('demo conference and speakers', () => {
  it('S2-4 S3-6 a research-practice conference with two sections and three invited speakers; idempotent', async () => {
    const first = await seedDemoConference(t.ctx);
    expect(first.eventId).toBeTruthy();
    const again = await seedDemoConference(t.ctx);
    expect(again).toEqual({ eventId: first.eventId, created: false });
    const m = DEMO_ACCOUNTS.find((a) => a.role === 'methodologist')!;
    const cookie = await signIn(t, m.email, m.password);
    const ev = await t.call({ url: `/api/events/${first.eventId}`, cookie });
    expect(ev.body).toMatchObject({ kind: 'research_conference', title: DEMO_CONFERENCE });
    const sections = await t.call({ url: `/api/events/${first.eventId}/sections`, cookie });
    expect(sections.body.items).toHaveLength(2);
    const speakers = await t.call({ url: '/api/speakers', cookie });
    expect(speakers.body.total).toBe(3);
    expect(new Set(speakers.body.items.map((s: { kind: string }) => s.kind))).toEqual(
      new Set(['leading_teacher', 'contest_winner', 'veteran']),
    );
    // a draft: the demo teacher does not see it
    const teacher = DEMO_ACCOUNTS.find((a) => a.role === 'teacher')!;
    const tc = await signIn(t, teacher.email, teacher.password);
    expect((await t.call({ url: `/api/events/${first.eventId}`, cookie: tc })).status).toBe(404);
  });
});

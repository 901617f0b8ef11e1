import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { certificate } from '../certificates/index.js';
import { activity, application, feedbackResponse } from '../events/events.tables.js';
import { DEMO_ACCOUNTS } from './demo.data.js';
import { seedDemoEvents } from './demo.events.js';
import { seedDemo } from './demo.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx);
});
afterAll(async () => {
  await t.close();
});

describe('demo events', () => {
  it('S0-1 S0-3 a completed session with applications in every status and a session with an open call; idempotent', async () => {
    const r = await seedDemoEvents(t.ctx);
    expect(r.completedEventId).toBeTruthy();
    expect(r.openEventId).toBeTruthy();
    const again = await seedDemoEvents(t.ctx);
    expect(again).toMatchObject({
      created: false,
      completedEventId: r.completedEventId,
      openEventId: r.openEventId,
    });
    const apps = await t.ctx.db
      .select()
      .from(application)
      .where(eq(application.eventId, r.completedEventId!));
    expect(new Set(apps.map((a) => a.status))).toEqual(
      new Set(['draft', 'submitted', 'changes_requested', 'accepted', 'rejected', 'withdrawn']),
    );
    const teacher = DEMO_ACCOUNTS.find((a) => a.role === 'teacher')!;
    const cookie = await signIn(t, teacher.email, teacher.password);
    const list = await t.call({ method: 'GET', url: '/api/events', cookie });
    expect(list.body.items.map((e: any) => e.status).sort()).toEqual(['call_open', 'completed']);
    expect(list.body.nextPedagogicalSessionDue.message).toMatch(
      /^следующая сессия — в \d{4}\/\d{4} учебном году$/,
    );
    const open = await t.call({ method: 'GET', url: `/api/events/${r.openEventId}`, cookie });
    expect(open.body.applicationsOpen).toBe(true);
    const mine = await t.call({ method: 'GET', url: `/api/events/${r.openEventId}/applications`, cookie });
    expect(mine.body.items.map((a: any) => a.status)).toContain('changes_requested');
    const notices = await t.call({ method: 'GET', url: '/api/notifications', cookie });
    expect(notices.body.unreadCount).toBeGreaterThanOrEqual(2);
    expect((await t.call({ method: 'GET', url: `/api/public/events/${r.openEventId}` })).status).toBe(200);
    // the other parts of the demo are seeded for the completed session: programme, feedback, certificates
    const acts = await t.ctx.db.select().from(activity).where(eq(activity.eventId, r.completedEventId!));
    expect(acts.length).toBeGreaterThan(0);
    const responses = await t.ctx.db
      .select()
      .from(feedbackResponse)
      .where(eq(feedbackResponse.eventId, r.completedEventId!));
    expect(responses.length).toBeGreaterThan(0);
    const certs = await t.ctx.db
      .select()
      .from(certificate)
      .where(eq(certificate.eventId, r.completedEventId!));
    expect(certs.length).toBeGreaterThan(0);
  });
});

// E-mailing certificates through the pg-boss worker, with progress polled from send-status.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, signInAs } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { startJobs, stopJobs } from '../../jobs/jobs.js';
import { mailMessage } from '../../platform/platform.tables.js';
import { buildActivity, buildEvent } from './certificates.test-helpers.js';

let t: TestApp;
let boss: Awaited<ReturnType<typeof startJobs>>;

beforeAll(async () => {
  t = await createTestApp();
  boss = await startJobs(t.ctx, t.database.url, { pollingIntervalSeconds: 0.5, log: () => {} });
  t.ctx.boss = boss;
});
afterAll(async () => {
  if (boss) await stopJobs(boss);
  await t?.close();
});

describe('X-4 certificates by e-mail as a background job', () => {
  it('X-4 the send job runs in pg-boss and its progress is readable until done', async () => {
    const admin = await signInAs(t, 'admin');
    const ev = await buildEvent(t);
    const people = await Promise.all([1, 2, 3].map(() => buildPerson(t)));
    const noMail = await buildPerson(t, { email: null });
    await buildActivity(t, ev.id, { listenerIds: [...people.map((p) => p.id), noMail.id] });
    const issued = await t.call({
      method: 'POST',
      url: `/api/events/${ev.id}/certificates`,
      cookie: admin.cookie,
      payload: { to: 'attended' },
    });
    expect(issued.body.issued).toBe(4);
    const res = await t.call({
      method: 'POST',
      url: `/api/events/${ev.id}/certificates/send`,
      cookie: admin.cookie,
    });
    expect(res.status).toBe(202);
    expect(res.body.status).toBe('queued');
    let status = res.body;
    for (let i = 0; i < 60 && status.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (
        await t.call({
          method: 'GET',
          url: `/api/events/${ev.id}/certificates/send-status`,
          cookie: admin.cookie,
        })
      ).body;
    }
    expect(status).toMatchObject({ status: 'done', total: 4, sent: 3, skipped: 1, failed: 0 });
    const mails = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.kind, 'certificate'));
    expect(mails.map((m) => m.to).sort()).toEqual(people.map((p) => p.email).sort());
  });
});

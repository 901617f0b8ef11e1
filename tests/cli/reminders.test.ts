import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplication,
  buildEvent,
  participant,
} from '../../src/server/modules/events/feedback/feedback.test-helpers.js';
import { localDay } from '../../src/server/modules/events/schedule/schedule.common.js';
import { notification } from '../../src/server/modules/notifications/index.js';
import { mailMessage } from '../../src/server/platform/platform.tables.js';
import { rost } from '../harness/cli.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('X-4 rost reminders', () => {
  it('X-4 rost reminders sends the reminders due now and, run again, sends nothing new', async () => {
    const today = localDay(new Date());
    const ev = await buildEvent(t, {
      status: 'call_open',
      applicationsOpenFrom: today,
      applicationsOpenUntil: today,
    });
    const who = await participant(t);
    await buildApplication(t, ev.id, {
      applicantPersonId: who.person.id,
      applicantUserId: who.userId,
      status: 'draft',
    });
    const first = await rost(t, ['reminders']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('о приёме заявок — 1');
    const second = await rost(t, ['reminders']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('о приёме заявок — 0');
    const rows = await t.ctx.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, who.userId), eq(notification.kind, 'reminder_call_closing')));
    expect(rows).toHaveLength(1);
    const mails = await t.ctx.db
      .select()
      .from(mailMessage)
      .where(and(eq(mailMessage.to, who.email), eq(mailMessage.kind, 'reminder_call_closing')));
    expect(mails).toHaveLength(1);
  });
});

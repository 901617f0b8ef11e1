// X-4 deadline reminders: who receives each kind, once, and nothing outside the window.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { waitFor } from '../../../../../tests/mail/mail-helpers.js';
import { startJobs, stopJobs } from '../../../jobs/jobs.js';
import { mailMessage } from '../../../platform/platform.tables.js';
import { notification } from '../../notifications/index.js';
import { feedbackResponse, registration } from '../events.tables.js';
import { ensureDefaultForms } from '../feedback/feedback.service.js';
import {
  addPresenter,
  buildActivity,
  buildApplication,
  buildEvent,
  participant,
  register,
} from '../feedback/feedback.test-helpers.js';
import { localDay } from '../schedule/schedule.common.js';
import { REMINDERS_CRON, REMINDERS_QUEUE, runDeadlineReminders } from './reminders.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

type Who = Awaited<ReturnType<typeof participant>>;

async function noticesOf(who: Who, kind: string) {
  return t.ctx.db
    .select()
    .from(notification)
    .where(and(eq(notification.userId, who.userId), eq(notification.kind, kind)));
}
async function mailsOf(who: Who, kind: string) {
  return t.ctx.db
    .select()
    .from(mailMessage)
    .where(and(eq(mailMessage.to, who.email.toLowerCase()), eq(mailMessage.kind, kind)));
}
async function countsOf(people: Who[], kind: string) {
  const out: number[] = [];
  for (const p of people) out.push((await noticesOf(p, kind)).length + (await mailsOf(p, kind)).length);
  return out;
}

describe('X-4 deadline reminders', () => {
  it('X-4 the application window closes in ≤ 2 days: only applicants with a draft, once; not for other windows', async () => {
    // 12:00 in Moscow on 23.11.2026
    const now = new Date('2026-11-23T09:00:00Z');
    const ev = await buildEvent(t, {
      title: 'Зимняя сессия',
      status: 'call_open',
      startDate: '2026-12-10',
      endDate: '2026-12-11',
      applicationsOpenFrom: '2026-11-01',
      applicationsOpenUntil: '2026-11-25',
    });
    const drafter = await participant(t);
    const submitter = await participant(t);
    const draft = await buildApplication(t, ev.id, {
      applicantPersonId: drafter.person.id,
      applicantUserId: drafter.userId,
      status: 'draft',
      topic: 'Читательская грамотность',
    });
    await buildApplication(t, ev.id, {
      applicantPersonId: submitter.person.id,
      applicantUserId: submitter.userId,
      status: 'submitted',
    });
    // drafts elsewhere: a window closing in 3 days, one already closed, an event no longer taking applications
    const later = await participant(t);
    const closed = await participant(t);
    const notOpen = await participant(t);
    for (const [who, o] of [
      [later, { status: 'call_open' as const, applicationsOpenUntil: '2026-11-26' }],
      [closed, { status: 'call_open' as const, applicationsOpenUntil: '2026-11-22' }],
      [notOpen, { status: 'call_closed' as const, applicationsOpenUntil: '2026-11-24' }],
    ] as const) {
      const other = await buildEvent(t, { applicationsOpenFrom: '2026-11-01', ...o });
      await buildApplication(t, other.id, {
        applicantPersonId: who.person.id,
        applicantUserId: who.userId,
        status: 'draft',
      });
    }

    const first = await runDeadlineReminders(t.ctx, now);
    expect(first.callClosing).toBe(1);
    const [n] = await noticesOf(drafter, 'reminder_call_closing');
    expect(n!.title).toBe('Приём заявок на «Зимняя сессия» закрывается 25.11.2026 — заявка ещё не подана');
    expect(n!.body).toContain('«Читательская грамотность»');
    expect(n!.link).toBe(`/applications/${draft.id}`);
    const [mail] = await mailsOf(drafter, 'reminder_call_closing');
    expect(mail!.subject).toBe(n!.title);
    expect(mail!.text).toContain(`http://localhost:3000/applications/${draft.id}`);
    expect(await countsOf([submitter, later, closed, notOpen], 'reminder_call_closing')).toEqual([
      0, 0, 0, 0,
    ]);

    // the next hour and the next day: nothing new
    expect((await runDeadlineReminders(t.ctx, now)).callClosing).toBe(0);
    expect((await runDeadlineReminders(t.ctx, new Date('2026-11-24T09:00:00Z'))).callClosing).toBe(1); // «later»
    expect(await countsOf([drafter, later], 'reminder_call_closing')).toEqual([2, 2]);
  });

  it('X-4 «days» are Moscow calendar days: 23:30 on the 22nd is too early, 00:30 on the 23rd is in time', async () => {
    const ev = await buildEvent(t, {
      status: 'call_open',
      applicationsOpenFrom: '2027-01-01',
      applicationsOpenUntil: '2027-01-25',
    });
    const who = await participant(t);
    await buildApplication(t, ev.id, {
      applicantPersonId: who.person.id,
      applicantUserId: who.userId,
      status: 'draft',
    });
    await runDeadlineReminders(t.ctx, new Date('2027-01-22T20:30:00Z'));
    expect(await noticesOf(who, 'reminder_call_closing')).toHaveLength(0);
    await runDeadlineReminders(t.ctx, new Date('2027-01-22T21:30:00Z'));
    expect(await noticesOf(who, 'reminder_call_closing')).toHaveLength(1);
  });

  it('X-4 the event starts tomorrow: registered people and presenters, not the waiting list or cancelled; once', async () => {
    const now = new Date('2027-03-09T12:00:00Z');
    const ev = await buildEvent(t, {
      title: 'Весенняя сессия',
      status: 'call_closed',
      startDate: '2027-03-10',
      endDate: '2027-03-11',
      venue: 'Дворец творчества',
    });
    const act = await buildActivity(t, ev.id, {
      title: 'Мастер-класс по ТРИЗ',
      startsAt: new Date('2027-03-10T07:00:00Z'),
      endsAt: new Date('2027-03-10T08:00:00Z'),
    });
    const registered = await participant(t);
    const waiting = await participant(t);
    const cancelled = await participant(t);
    const presenter = await participant(t);
    await register(t, act.id, registered.person.id, false);
    await t.ctx.db.insert(registration).values([
      { activityId: act.id, personId: waiting.person.id, status: 'waitlisted' },
      { activityId: act.id, personId: cancelled.person.id, status: 'cancelled' },
    ]);
    await addPresenter(t, act.id, presenter.person.id);
    // starts the day after tomorrow; starts tomorrow but cancelled
    const elsewhere = await participant(t);
    for (const o of [
      { startDate: '2027-03-11', endDate: '2027-03-11', status: 'call_closed' as const },
      { startDate: '2027-03-10', endDate: '2027-03-10', status: 'cancelled' as const },
    ]) {
      const other = await buildEvent(t, o);
      const a = await buildActivity(t, other.id, {
        startsAt: new Date(`${o.startDate}T07:00:00Z`),
        endsAt: new Date(`${o.startDate}T08:00:00Z`),
      });
      await register(t, a.id, elsewhere.person.id, false);
    }

    expect((await runDeadlineReminders(t.ctx, now)).eventTomorrow).toBe(2);
    const [r] = await noticesOf(registered, 'reminder_event_tomorrow');
    expect(r!.title).toBe('Завтра начинается «Весенняя сессия»');
    expect(r!.body).toContain('10.03.2027–11.03.2027, Дворец творчества');
    expect(r!.body).toContain('10:00–11:00 «Мастер-класс по ТРИЗ»');
    expect(r!.link).toBe('/my-schedule');
    const [p] = await noticesOf(presenter, 'reminder_event_tomorrow');
    expect(p!.body).toContain('(вы ведущий)');
    expect(await countsOf([waiting, cancelled, elsewhere], 'reminder_event_tomorrow')).toEqual([0, 0, 0]);

    expect((await runDeadlineReminders(t.ctx, now)).eventTomorrow).toBe(0);
    expect(await countsOf([registered, presenter], 'reminder_event_tomorrow')).toEqual([2, 2]);
  });

  it('X-4 feedback the day after the event: attendees with an unanswered attended activity; once', async () => {
    const now = new Date('2027-05-21T06:00:00Z');
    const ev = await buildEvent(t, {
      title: 'Майская конференция',
      status: 'completed',
      startDate: '2027-05-19',
      endDate: '2027-05-20',
    });
    const a1 = await buildActivity(t, ev.id, {
      title: 'Открытый урок',
      startsAt: new Date('2027-05-19T07:00:00Z'),
      endsAt: new Date('2027-05-19T08:00:00Z'),
    });
    const a2 = await buildActivity(t, ev.id, {
      title: 'Круглый стол',
      startsAt: new Date('2027-05-20T07:00:00Z'),
      endsAt: new Date('2027-05-20T08:00:00Z'),
    });
    const silent = await participant(t); // attended a1, no answer
    const half = await participant(t); // attended both, answered a1
    const answered = await participant(t); // attended a1, answered
    const absent = await participant(t); // registered, did not come
    await register(t, a1.id, silent.person.id);
    await register(t, a1.id, half.person.id);
    await register(t, a2.id, half.person.id);
    await register(t, a1.id, answered.person.id);
    await register(t, a1.id, absent.person.id, false);
    const { activity: form } = await ensureDefaultForms(t.ctx.db);
    const scores = { quality: 5, relevance: 5, practical: 5 };
    await t.ctx.db.insert(feedbackResponse).values([
      { formId: form.id, eventId: ev.id, activityId: a1.id, personId: half.person.id, scores },
      { formId: form.id, eventId: ev.id, activityId: a1.id, personId: answered.person.id, scores },
    ]);
    // an event that ended two days ago
    const earlier = await buildEvent(t, {
      status: 'completed',
      startDate: '2027-05-19',
      endDate: '2027-05-19',
    });
    const e1 = await buildActivity(t, earlier.id, {
      startsAt: new Date('2027-05-19T07:00:00Z'),
      endsAt: new Date('2027-05-19T08:00:00Z'),
    });
    const late = await participant(t);
    await register(t, e1.id, late.person.id);

    expect((await runDeadlineReminders(t.ctx, now)).feedback).toBe(2);
    const [s] = await noticesOf(silent, 'reminder_feedback');
    expect(s!.title).toBe('Оцените занятия мероприятия «Майская конференция»');
    expect(s!.link).toBe(`/events/${ev.id}/feedback/${a1.id}`);
    const [h] = await noticesOf(half, 'reminder_feedback');
    expect(h!.body).toContain('«Круглый стол»');
    expect(h!.body).not.toContain('«Открытый урок»');
    expect(h!.link).toBe(`/events/${ev.id}/feedback/${a2.id}`);
    expect(await countsOf([answered, absent, late], 'reminder_feedback')).toEqual([0, 0, 0]);

    expect((await runDeadlineReminders(t.ctx, now)).feedback).toBe(0);
    expect((await runDeadlineReminders(t.ctx, new Date('2027-05-22T06:00:00Z'))).feedback).toBe(0);
    expect(await countsOf([silent, half], 'reminder_feedback')).toEqual([2, 2]);
  });

  it('X-4 the server schedules reminders.deadlines hourly in Moscow time and its worker sends the reminders', async () => {
    const boss = await startJobs(t.ctx, t.database.url, { pollingIntervalSeconds: 0.5, log: () => {} });
    try {
      const schedules = await boss.getSchedules();
      expect(schedules.find((s) => s.name === REMINDERS_QUEUE)).toMatchObject({
        cron: REMINDERS_CRON,
        timezone: 'Europe/Moscow',
      });
      // a draft whose window closes today (real time): the worker run by a job reminds its author
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
      await boss.send(REMINDERS_QUEUE, {});
      const rows = await waitFor(async () => {
        const r = await t.ctx.db
          .select()
          .from(notification)
          .where(
            and(inArray(notification.userId, [who.userId]), eq(notification.kind, 'reminder_call_closing')),
          );
        return r.length > 0 ? r : null;
      });
      expect(rows).toHaveLength(1);
    } finally {
      await stopJobs(boss);
    }
  });
});

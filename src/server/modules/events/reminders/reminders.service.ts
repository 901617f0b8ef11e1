// Deadline reminders (X-4): a background job (queue `reminders.deadlines`, hourly) calls runDeadlineReminders;
// each reminder reaches each person once — notify() skips users who already have a notice with its dedupe key.
//   • the application window closes in ≤ 2 days → applicants with a draft (not submitted) application;
//   • the event starts tomorrow → people registered (not on a waiting list) and presenters of its activities;
//   • the day after the event ends → attendees who have not answered the feedback for an attended activity.
// «Days» are calendar days in the centre's zone (ROST_TIME_ZONE, default Europe/Moscow); event dates are dates.
import { and, asc, eq, gte, inArray, lte, notInArray, or } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { user } from '../../identity/identity.tables.js';
import { notify } from '../../notifications/index.js';
import {
  activity,
  activityPresenter,
  application,
  type EventStatus,
  event,
  registration,
} from '../events.tables.js';
import { unansweredAttendances } from '../feedback/feedback.results.service.js';
import { hhmm, localDay, ruDate } from '../schedule/schedule.common.js';

export const REMINDERS_QUEUE = 'reminders.deadlines';
/** Every hour at :05, server zone: a reminder goes out within the hour its day begins. */
export const REMINDERS_CRON = '5 * * * *';
/** The zone of the cron and of «days». */
/** The application-window reminder starts this many days before the last day. */
export const CALL_CLOSING_DAYS = 2;

const INACTIVE: EventStatus[] = ['draft', 'cancelled'];
const MAX_LISTED = 5;

export type RemindersResult = { callClosing: number; eventTomorrow: number; feedback: number };

/** 'YYYY-MM-DD' shifted by `n` calendar days. */
function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}

/** «…» around a title, unless it is already quoted. */
const q = (s: string) => (s.startsWith('«') && s.endsWith('»') ? s : `«${s}»`);

function listed(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join('; ');
  return items.length > MAX_LISTED ? `${shown} и ещё ${items.length - MAX_LISTED}` : shown;
}

/** Active accounts of the given people, grouped by person. */
async function usersOfPeople(ctx: AppContext, personIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (personIds.length === 0) return out;
  const rows = await ctx.db
    .select({ id: user.id, personId: user.personId })
    .from(user)
    .where(and(inArray(user.personId, [...new Set(personIds)]), eq(user.disabled, false)));
  for (const r of rows) {
    if (!r.personId) continue;
    out.set(r.personId, [...(out.get(r.personId) ?? []), r.id]);
  }
  return out;
}

/** a) The window closes today, tomorrow or the day after: applicants whose application is still a draft. */
async function remindCallClosing(ctx: AppContext, today: string): Promise<number> {
  const rows = await ctx.db
    .select({
      eventId: event.id,
      eventTitle: event.title,
      until: event.applicationsOpenUntil,
      applicationId: application.id,
      topic: application.topic,
      userId: user.id,
    })
    .from(application)
    .innerJoin(event, eq(event.id, application.eventId))
    .innerJoin(
      user,
      or(eq(user.id, application.applicantUserId), eq(user.personId, application.applicantPersonId)),
    )
    .where(
      and(
        eq(event.status, 'call_open'),
        gte(event.applicationsOpenUntil, today),
        lte(event.applicationsOpenUntil, addDays(today, CALL_CLOSING_DAYS)),
        eq(application.status, 'draft'),
        eq(user.disabled, false),
      ),
    )
    .orderBy(asc(application.createdAt), asc(application.id));
  // one notice per user and event, naming every draft they have there
  const groups = new Map<string, { first: (typeof rows)[number]; topics: string[] }>();
  for (const r of rows) {
    const key = `${r.userId}|${r.eventId}`;
    const g = groups.get(key) ?? { first: r, topics: [] };
    if (!g.topics.includes(r.topic)) g.topics.push(r.topic);
    groups.set(key, g);
  }
  let n = 0;
  for (const { first, topics } of groups.values()) {
    const until = ruDate(first.until!);
    const drafts =
      topics.length === 1
        ? `Черновик заявки ${q(topics[0]!)} не подан на рассмотрение.`
        : `Черновики заявок не поданы на рассмотрение: ${listed(topics.map(q))}.`;
    n += await notify(ctx, ctx.db, {
      userIds: [first.userId],
      kind: 'reminder_call_closing',
      title: `Приём заявок на ${q(first.eventTitle)} закрывается ${until} — заявка ещё не подана`,
      body: `${drafts} Заявки принимаются до конца дня ${until}; черновик после этого рассмотрен не будет.`,
      link: `/applications/${first.applicationId}`,
      dedupeKey: `reminder:call_closing:${first.eventId}:${first.until}`,
    });
  }
  return n;
}

type Involvement = { title: string; startsAt: Date; endsAt: Date; presenter: boolean };

/** b) The event starts tomorrow: those registered for its activities and their presenters. */
async function remindEventTomorrow(ctx: AppContext, today: string): Promise<number> {
  const tomorrow = addDays(today, 1);
  const events = await ctx.db
    .select()
    .from(event)
    .where(and(eq(event.startDate, tomorrow), notInArray(event.status, INACTIVE)));
  let n = 0;
  for (const ev of events) {
    const cols = {
      personId: registration.personId,
      activityId: activity.id,
      title: activity.title,
      startsAt: activity.startsAt,
      endsAt: activity.endsAt,
    };
    const [registered, presenting] = await Promise.all([
      ctx.db
        .select(cols)
        .from(registration)
        .innerJoin(activity, eq(activity.id, registration.activityId))
        .where(and(eq(activity.eventId, ev.id), eq(registration.status, 'registered'))),
      ctx.db
        .select({ ...cols, personId: activityPresenter.personId })
        .from(activityPresenter)
        .innerJoin(activity, eq(activity.id, activityPresenter.activityId))
        .where(eq(activity.eventId, ev.id)),
    ]);
    const byPerson = new Map<string, Map<string, Involvement>>();
    const add = (r: (typeof registered)[number], presenter: boolean) => {
      const mine = byPerson.get(r.personId) ?? new Map<string, Involvement>();
      const prev = mine.get(r.activityId);
      mine.set(r.activityId, { ...r, presenter: presenter || !!prev?.presenter });
      byPerson.set(r.personId, mine);
    };
    for (const r of registered) add(r, false);
    for (const r of presenting) add(r, true);
    const users = await usersOfPeople(ctx, [...byPerson.keys()]);
    const dates =
      ev.startDate === ev.endDate ? ruDate(ev.startDate) : `${ruDate(ev.startDate)}–${ruDate(ev.endDate)}`;
    for (const [personId, acts] of byPerson) {
      const userIds = users.get(personId);
      if (!userIds?.length) continue;
      const lines = [...acts.values()]
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
        .map((a) => {
          const day = localDay(a.startsAt) === ev.startDate ? '' : `${ruDate(localDay(a.startsAt))} `;
          return `${day}${hhmm(a.startsAt)}–${hhmm(a.endsAt)} ${q(a.title)}${a.presenter ? ' (вы ведущий)' : ''}`;
        });
      n += await notify(ctx, ctx.db, {
        userIds,
        kind: 'reminder_event_tomorrow',
        title: `Завтра начинается ${q(ev.title)}`,
        body: `${q(ev.title)}: ${dates}${ev.venue ? `, ${ev.venue}` : ''}. Ваши занятия: ${listed(lines)}. Всё расписание — в разделе «Моё расписание».`,
        link: '/my-schedule',
        dedupeKey: `reminder:event_tomorrow:${ev.id}:${ev.startDate}`,
      });
    }
  }
  return n;
}

/** c) The event ended yesterday: attendees who have not answered the feedback for an attended activity. */
async function remindFeedback(ctx: AppContext, today: string): Promise<number> {
  const yesterday = addDays(today, -1);
  const events = await ctx.db
    .select({ id: event.id, title: event.title, endDate: event.endDate })
    .from(event)
    .where(and(eq(event.endDate, yesterday), notInArray(event.status, INACTIVE)));
  let n = 0;
  for (const ev of events) {
    const open = await unansweredAttendances(ctx.db, ev.id);
    const byPerson = new Map<string, typeof open>();
    for (const r of open) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
    const users = await usersOfPeople(ctx, [...byPerson.keys()]);
    for (const [personId, acts] of byPerson) {
      const userIds = users.get(personId);
      if (!userIds?.length) continue;
      const titles = acts.map((a) => q(a.title));
      n += await notify(ctx, ctx.db, {
        userIds,
        kind: 'reminder_feedback',
        title: `Оцените занятия мероприятия ${q(ev.title)}`,
        body: `Вы посетили ${acts.length === 1 ? 'занятие' : 'занятия'} ${listed(titles)}. Поделитесь впечатлениями в анкете: это займёт пару минут и поможет организаторам.`,
        link:
          acts.length === 1
            ? `/events/${ev.id}/feedback/${acts[0]!.activityId}`
            : `/events/${ev.id}/feedback`,
        dedupeKey: `reminder:feedback:${ev.id}:${ev.endDate}`,
      });
    }
  }
  return n;
}

/**
 * Sends the reminders due at `now` (calendar days in the centre's zone) and returns how many users were notified of
 * each kind. Safe to run any number of times: each reminder reaches each user once.
 */
export async function runDeadlineReminders(ctx: AppContext, now: Date): Promise<RemindersResult> {
  const today = localDay(now);
  return {
    callClosing: await remindCallClosing(ctx, today),
    eventTomorrow: await remindEventTomorrow(ctx, today),
    feedback: await remindFeedback(ctx, today),
  };
}

// The personal iCalendar feed: activities a person registered for or presents, and the deadlines of their
// unfinished applications, behind a secret per-user link that calendar apps can subscribe to.
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import ical from 'ical-generator';
import { type Actor, requireActor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { user } from '../../identity/identity.tables.js';
import { application, calendarToken, event } from '../events.tables.js';
import { findActivityViews } from './activities.repository.js';
import { mineWhere, withEventTitles } from './registrations.service.js';
import { ScheduleErrors } from './schedule.errors.js';

const feedUrl = (ctx: AppContext, token: string) =>
  `${ctx.config.publicUrl}/api/me/calendar.ics?token=${token}`;

export async function getCalendarLink(ctx: AppContext, actorOrNull: Actor | null) {
  const actor = requireActor(actorOrNull);
  const [row] = await ctx.db
    .select()
    .from(calendarToken)
    .where(eq(calendarToken.userId, actor.userId))
    .limit(1);
  return { url: row ? feedUrl(ctx, row.token) : null };
}

/** A new secret link (the old one stops working). */
export async function createCalendarToken(ctx: AppContext, actorOrNull: Actor | null) {
  const actor = requireActor(actorOrNull);
  const token = randomBytes(24).toString('base64url');
  await ctx.db
    .insert(calendarToken)
    .values({ userId: actor.userId, token })
    .onConflictDoUpdate({ target: calendarToken.userId, set: { token, createdAt: new Date() } });
  return { url: feedUrl(ctx, token) };
}

export async function calendarFeed(ctx: AppContext, token: string | undefined): Promise<string> {
  if (!token) throw ScheduleErrors.CALENDAR_TOKEN_REQUIRED();
  const [row] = await ctx.db
    .select({ personId: user.personId })
    .from(calendarToken)
    .innerJoin(user, eq(user.id, calendarToken.userId))
    .where(eq(calendarToken.token, token))
    .limit(1);
  if (!row) throw ScheduleErrors.CALENDAR_TOKEN_INVALID();
  const cal = ical({
    name: 'Рост: моё расписание',
    prodId: { company: 'Rost', product: 'schedule', language: 'RU' },
  });
  if (row.personId) {
    const items = await withEventTitles(
      ctx,
      await findActivityViews(ctx.db, mineWhere(row.personId), row.personId),
    );
    for (const a of items) {
      cal.createEvent({
        id: `${a.id}@rost`,
        start: new Date(a.startsAt),
        end: new Date(a.endsAt),
        summary: a.title,
        description: [
          a.eventTitle,
          a.formTitle,
          a.presenters.map((p) => p.fullName).join(', '),
          a.myStatus === 'waitlisted' ? 'Лист ожидания' : null,
        ]
          .filter(Boolean)
          .join('\n'),
        location: a.roomName ?? undefined,
        url: `${ctx.config.publicUrl}/my-schedule`,
      });
    }
    for (const d of await applicationDeadlines(ctx, row.personId)) {
      cal.createEvent({
        id: `deadline-${d.id}@rost`,
        allDay: true,
        start: d.until,
        summary: `Срок подачи заявки: ${d.eventTitle}`,
        description: `Заявка «${d.topic}» ещё не подана — приём заявок заканчивается в этот день.`,
        url: `${ctx.config.publicUrl}/applications/${d.id}`,
      });
    }
  }
  return cal.toString();
}

/** Unfinished applications (draft, changes requested) of events whose call is still open today or later. */
async function applicationDeadlines(ctx: AppContext, personId: string) {
  const today = new Date().toISOString().slice(0, 10);
  return ctx.db
    .select({
      id: application.id,
      topic: application.topic,
      eventTitle: event.title,
      until: event.applicationsOpenUntil,
    })
    .from(application)
    .innerJoin(event, eq(event.id, application.eventId))
    .where(
      and(
        eq(application.applicantPersonId, personId),
        inArray(application.status, ['draft', 'changes_requested']),
        eq(event.status, 'call_open'),
        gte(event.applicationsOpenUntil, today),
      ),
    )
    .orderBy(asc(event.applicationsOpenUntil))
    .limit(200)
    .then((rows) => rows.flatMap((r) => (r.until ? [{ ...r, until: r.until }] : [])));
}

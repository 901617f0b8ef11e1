// Registration for activities (S0-5, S0-9): capacity = the activity's, else the room's; beyond it the waiting
// list; cancelling promotes the first waitlisted. My schedule (the iCalendar feed is in calendar.service.ts).
import { and, asc, count, eq, exists, gte, inArray, or, sql } from 'drizzle-orm';
import { type Actor, requireActor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { offsetOf } from '../../../platform/pagination.js';
import { organization, person } from '../../directory/index.js';
import { user } from '../../identity/identity.tables.js';
import { notify } from '../../notifications/index.js';
import { activity, activityPresenter, attendance, event, registration, room } from '../events.tables.js';
import { findActivityViews } from './activities.repository.js';
import {
  fullNameOf,
  hhmm,
  loadEvent,
  localDay,
  requireEventManager,
  requirePerson,
  ruDate,
} from './schedule.common.js';
import { ScheduleErrors } from './schedule.errors.js';
import { canManageSchedule } from './schedule.policy.js';

async function loadActivityRow(ctx: AppContext, id: string) {
  const [a] = await ctx.db.select().from(activity).where(eq(activity.id, id)).limit(1);
  if (!a) throw ScheduleErrors.ACTIVITY_NOT_FOUND();
  return a;
}

/** The activity's event managers (401 / 404 / 403). */
export async function requireActivityManager(ctx: AppContext, actorOrNull: Actor | null, activityId: string) {
  requireActor(actorOrNull);
  const a = await loadActivityRow(ctx, activityId);
  const m = await requireEventManager(ctx, actorOrNull, a.eventId);
  return { ...m, a };
}

export async function register(ctx: AppContext, actorOrNull: Actor | null, activityId: string) {
  const actor = requireActor(actorOrNull);
  const personId = requirePerson(actor);
  const a = await loadActivityRow(ctx, activityId);
  const { ev, place } = await loadEvent(ctx.db, a.eventId);
  if (!ev.schedulePublished && !canManageSchedule(actor, place))
    throw ScheduleErrors.SCHEDULE_NOT_PUBLISHED();
  return ctx.db.transaction(async (tx) => {
    // one registration at a time per activity, so the capacity holds under concurrency
    await tx.execute(sql`select id from ${activity} where ${activity.id} = ${activityId} for update`);
    const [existing] = await tx
      .select()
      .from(registration)
      .where(and(eq(registration.activityId, activityId), eq(registration.personId, personId)))
      .limit(1);
    if (existing && existing.status !== 'cancelled')
      return { activityId, status: existing.status, promotedPersonId: null as string | null };
    const [cap] = await tx
      .select({ capacity: sql<number | null>`coalesce(${activity.capacity}, ${room.capacity})` })
      .from(activity)
      .leftJoin(room, eq(room.id, activity.roomId))
      .where(eq(activity.id, activityId));
    const [{ n }] = await tx
      .select({ n: count() })
      .from(registration)
      .where(and(eq(registration.activityId, activityId), eq(registration.status, 'registered')));
    const status: 'registered' | 'waitlisted' =
      cap.capacity != null && n >= cap.capacity ? 'waitlisted' : 'registered';
    if (existing)
      await tx
        .update(registration)
        .set({ status, createdAt: new Date() })
        .where(eq(registration.id, existing.id));
    else await tx.insert(registration).values({ activityId, personId, status });
    return { activityId, status, promotedPersonId: null as string | null };
  });
}

export async function cancelRegistration(ctx: AppContext, actorOrNull: Actor | null, activityId: string) {
  const actor = requireActor(actorOrNull);
  const personId = requirePerson(actor);
  const a = await loadActivityRow(ctx, activityId);
  const result = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select id from ${activity} where ${activity.id} = ${activityId} for update`);
    const [mine] = await tx
      .select()
      .from(registration)
      .where(and(eq(registration.activityId, activityId), eq(registration.personId, personId)))
      .limit(1);
    if (!mine || mine.status === 'cancelled') throw ScheduleErrors.NOT_REGISTERED();
    await tx.update(registration).set({ status: 'cancelled' }).where(eq(registration.id, mine.id));
    let promotedPersonId: string | null = null;
    if (mine.status === 'registered') {
      const [next] = await tx
        .select({ id: registration.id, personId: registration.personId })
        .from(registration)
        .where(and(eq(registration.activityId, activityId), eq(registration.status, 'waitlisted')))
        .orderBy(asc(registration.createdAt), asc(registration.id))
        .limit(1);
      if (next) {
        await tx.update(registration).set({ status: 'registered' }).where(eq(registration.id, next.id));
        promotedPersonId = next.personId;
      }
    }
    return { activityId, status: 'cancelled' as const, promotedPersonId };
  });
  if (result.promotedPersonId) await notifyPromoted(ctx, a, result.promotedPersonId);
  return result;
}

/** The first on the waiting list learns that a seat is now theirs. */
async function notifyPromoted(ctx: AppContext, a: typeof activity.$inferSelect, personId: string) {
  const users = await ctx.db.select({ id: user.id }).from(user).where(eq(user.personId, personId));
  if (users.length === 0) return;
  const when = `${ruDate(localDay(a.startsAt))} ${hhmm(a.startsAt)}–${hhmm(a.endsAt)}`;
  await notify(ctx, ctx.db, {
    userIds: users.map((u) => u.id),
    kind: 'registration_promoted',
    title: `Освободилось место: вы записаны на «${a.title}»`,
    body: `Вы были в листе ожидания занятия «${a.title}» (${when}); место освободилось, и теперь вы записаны.`,
    link: '/my-schedule',
  });
}

export async function listRegistrations(
  ctx: AppContext,
  actorOrNull: Actor | null,
  activityId: string,
  q: {
    page: number;
    pageSize: number;
    order: 'asc' | 'desc';
    status?: 'registered' | 'waitlisted' | 'cancelled';
  },
) {
  await requireActivityManager(ctx, actorOrNull, activityId);
  const where = and(
    eq(registration.activityId, activityId),
    q.status ? eq(registration.status, q.status) : sql`${registration.status} <> 'cancelled'`,
  );
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({
        id: registration.id,
        activityId: registration.activityId,
        personId: registration.personId,
        surname: person.surname,
        name: person.name,
        patronymic: person.patronymic,
        organizationName: organization.shortName,
        status: registration.status,
        createdAt: registration.createdAt,
        present: sql<boolean>`exists (select 1 from ${attendance} where ${attendance.activityId} = ${registration.activityId} and ${attendance.personId} = ${registration.personId})`,
      })
      .from(registration)
      .innerJoin(person, eq(person.id, registration.personId))
      .leftJoin(organization, eq(organization.id, person.organizationId))
      .where(where)
      .orderBy(
        sql`${registration.status} <> 'registered'`,
        sql`${person.surname} collate ru_icu ${dir}`,
        sql`${person.name} collate ru_icu ${dir}`,
        asc(registration.id),
      )
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ctx.db.select({ total: count() }).from(registration).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      activityId: r.activityId,
      personId: r.personId,
      fullName: fullNameOf(r),
      organizationName: r.organizationName,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      present: r.present,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

// ---- my schedule ----

export function mineWhere(personId: string) {
  return or(
    exists(
      sql`(select 1 from ${registration} where ${registration.activityId} = ${activity.id} and ${registration.personId} = ${personId} and ${registration.status} in ('registered', 'waitlisted'))`,
    ),
    exists(
      sql`(select 1 from ${activityPresenter} where ${activityPresenter.activityId} = ${activity.id} and ${activityPresenter.personId} = ${personId})`,
    ),
  );
}

export async function withEventTitles<T extends { eventId: string }>(ctx: AppContext, items: T[]) {
  if (items.length === 0) return [];
  const ids = [...new Set(items.map((i) => i.eventId))];
  const evs = await ctx.db
    .select({ id: event.id, title: event.title })
    .from(event)
    .where(inArray(event.id, ids));
  const title = new Map(evs.map((e) => [e.id, e.title]));
  return items.map((i) => ({ ...i, eventTitle: title.get(i.eventId) ?? '' }));
}

export async function mySchedule(
  ctx: AppContext,
  actorOrNull: Actor | null,
  q: { page: number; pageSize: number; past?: boolean },
) {
  const actor = requireActor(actorOrNull);
  const personId = requirePerson(actor);
  const where = and(mineWhere(personId), q.past ? undefined : gte(activity.endsAt, new Date()));
  const [items, [{ total }]] = await Promise.all([
    findActivityViews(ctx.db, where, personId, { limit: q.pageSize, offset: offsetOf(q) }),
    ctx.db.select({ total: count() }).from(activity).where(where),
  ]);
  return { items: await withEventTitles(ctx, items), total, page: q.page, pageSize: q.pageSize };
}

/** Activities open for registration: published programmes, not yet over. */
export async function openActivities(
  ctx: AppContext,
  actorOrNull: Actor | null,
  q: { page: number; pageSize: number; eventId?: string },
) {
  const actor = requireActor(actorOrNull);
  const where = and(
    gte(activity.endsAt, new Date()),
    exists(
      sql`(select 1 from ${event} where ${event.id} = ${activity.eventId} and ${event.schedulePublished})`,
    ),
    q.eventId ? eq(activity.eventId, q.eventId) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    findActivityViews(ctx.db, where, actor.personId, { limit: q.pageSize, offset: offsetOf(q) }),
    ctx.db.select({ total: count() }).from(activity).where(where),
  ]);
  return { items: await withEventTitles(ctx, items), total, page: q.page, pageSize: q.pageSize };
}

// The programme: placing accepted applications and organisers' items with the clash rule (S0-5), moving and
// removing them, the published schedule and its publication. Rooms are in rooms.service.ts.
import { and, asc, eq, gt, inArray, lt, ne, notExists, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/db.js';
import { type Actor, requireActor } from '../../../platform/actor.js';
import { audit } from '../../../platform/audit.js';
import type { AppContext } from '../../../platform/context.js';
import { person } from '../../directory/index.js';
import { user } from '../../identity/identity.tables.js';
import { notify } from '../../notifications/index.js';
import {
  activity,
  activityForm,
  activityPresenter,
  application,
  applicationPresenter,
  event,
  eventSection,
  registration,
  room,
} from '../events.tables.js';
import { findActivityView, findActivityViews } from './activities.repository.js';
import {
  type EventRow,
  fullNameOf,
  hhmm,
  loadEvent,
  localDay,
  requireEventManager,
  ruDate,
  shortNameOf,
} from './schedule.common.js';
import { ScheduleErrors } from './schedule.errors.js';
import { canManageSchedule } from './schedule.policy.js';
import type { TActivityCreate, TActivityUpdate, TSchedule } from './schedule.schemas.js';

// ---- placing, the clash rule ----

function checkTimes(ev: EventRow, startsAt: Date, endsAt: Date) {
  if (!(endsAt.getTime() > startsAt.getTime())) throw ScheduleErrors.TIME_RANGE_INVALID();
  const first = localDay(startsAt);
  const last = localDay(new Date(endsAt.getTime() - 1));
  if (first < ev.startDate || last > ev.endDate)
    throw ScheduleErrors.OUTSIDE_EVENT_DATES({ from: ruDate(ev.startDate), to: ruDate(ev.endDate) });
}

function itemLabel(a: { title: string; formTitle: string | null }) {
  return a.formTitle ? `${a.formTitle.toLowerCase()} «${a.title}»` : `«${a.title}»`;
}

/** Refuses a room or a presenter booked twice at overlapping times (S0-5). Runs under the event lock. */
async function assertNoClash(
  tx: Tx,
  p: {
    eventId: string;
    activityId: string | null;
    roomId: string | null;
    presenters: string[];
    startsAt: Date;
    endsAt: Date;
  },
) {
  const overlap = and(
    eq(activity.eventId, p.eventId),
    lt(activity.startsAt, p.endsAt),
    gt(activity.endsAt, p.startsAt),
    p.activityId ? ne(activity.id, p.activityId) : undefined,
  );
  const cols = {
    title: activity.title,
    formTitle: activityForm.title,
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
  };
  if (p.roomId) {
    const [hit] = await tx
      .select({ ...cols, roomName: room.name })
      .from(activity)
      .innerJoin(room, eq(room.id, activity.roomId))
      .leftJoin(activityForm, eq(activityForm.id, activity.formId))
      .where(and(overlap, eq(activity.roomId, p.roomId)))
      .orderBy(asc(activity.startsAt))
      .limit(1);
    if (hit) {
      const when = `${hhmm(hit.startsAt)}–${hhmm(hit.endsAt)}`;
      throw ScheduleErrors.SCHEDULE_CLASH(
        {
          ru: `${/^ауд/i.test(hit.roomName) ? hit.roomName : `Аудитория «${hit.roomName}»`} уже занята ${when}: ${itemLabel(hit)}.`,
          en: `Room ${hit.roomName} is already taken ${when}: “${hit.title}”.`,
        },
        { kind: 'room', roomId: p.roomId },
      );
    }
  }
  if (p.presenters.length > 0) {
    const [hit] = await tx
      .select({
        ...cols,
        surname: person.surname,
        name: person.name,
        patronymic: person.patronymic,
        personId: person.id,
      })
      .from(activityPresenter)
      .innerJoin(activity, eq(activity.id, activityPresenter.activityId))
      .innerJoin(person, eq(person.id, activityPresenter.personId))
      .leftJoin(activityForm, eq(activityForm.id, activity.formId))
      .where(and(overlap, inArray(activityPresenter.personId, p.presenters)))
      .orderBy(asc(activity.startsAt))
      .limit(1);
    if (hit) {
      const when = `${hhmm(hit.startsAt)}–${hhmm(hit.endsAt)}`;
      throw ScheduleErrors.SCHEDULE_CLASH(
        {
          ru: `${shortNameOf(hit)} в это время ведёт ${itemLabel(hit)} (${when}).`,
          en: `${shortNameOf(hit)} presents “${hit.title}” at that time (${when}).`,
        },
        { kind: 'presenter', personId: hit.personId },
      );
    }
  }
}

async function lockEvent(tx: Tx, eventId: string) {
  await tx.execute(sql`select id from ${event} where ${event.id} = ${eventId} for update`);
}

async function checkRoom(tx: Tx, eventId: string, roomId: string | null | undefined) {
  if (!roomId) return;
  const [r] = await tx
    .select({ id: room.id })
    .from(room)
    .where(and(eq(room.id, roomId), eq(room.eventId, eventId)))
    .limit(1);
  if (!r) throw ScheduleErrors.UNKNOWN_ROOM();
}

export async function createActivity(
  ctx: AppContext,
  actorOrNull: Actor | null,
  eventId: string,
  body: TActivityCreate,
) {
  const { actor, ev } = await requireEventManager(ctx, actorOrNull, eventId);
  checkTimes(ev, body.startsAt, body.endsAt);
  const id = await ctx.db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    await checkRoom(tx, eventId, body.roomId);
    let values: typeof activity.$inferInsert;
    let presenters: string[] = [];
    if (body.applicationId) {
      const [app] = await tx
        .select()
        .from(application)
        .where(and(eq(application.id, body.applicationId), eq(application.eventId, eventId)))
        .limit(1);
      if (!app) throw ScheduleErrors.UNKNOWN_APPLICATION();
      if (app.status !== 'accepted') throw ScheduleErrors.APPLICATION_NOT_ACCEPTED();
      const [placed] = await tx
        .select({ id: activity.id })
        .from(activity)
        .where(eq(activity.applicationId, app.id))
        .limit(1);
      if (placed) throw ScheduleErrors.APPLICATION_ALREADY_PLACED();
      const co = await tx
        .select({ personId: applicationPresenter.personId })
        .from(applicationPresenter)
        .where(eq(applicationPresenter.applicationId, app.id));
      presenters = [...new Set([app.applicantPersonId, ...co.map((c) => c.personId)])];
      values = {
        eventId,
        applicationId: app.id,
        formId: app.formId,
        sectionId: app.sectionId,
        title: app.topic,
        topic: app.topic,
        roomId: body.roomId ?? null,
        startsAt: body.startsAt,
        endsAt: body.endsAt,
        capacity: body.capacity ?? null,
      };
    } else {
      values = {
        eventId,
        title: body.title ?? '',
        roomId: body.roomId ?? null,
        startsAt: body.startsAt,
        endsAt: body.endsAt,
        capacity: body.capacity ?? null,
      };
    }
    await assertNoClash(tx, {
      eventId,
      activityId: null,
      roomId: values.roomId ?? null,
      presenters,
      startsAt: body.startsAt,
      endsAt: body.endsAt,
    });
    const [a] = await tx.insert(activity).values(values).returning();
    if (presenters.length > 0)
      await tx
        .insert(activityPresenter)
        .values(presenters.map((personId) => ({ activityId: a.id, personId })));
    await audit(tx, actor, 'create', 'activity', a.id, undefined, { ...a, presenters });
    return a.id;
  });
  return (await findActivityView(ctx.db, id))!;
}

async function loadActivity(ctx: AppContext, actorOrNull: Actor | null, id: string) {
  requireActor(actorOrNull);
  const [a] = await ctx.db.select().from(activity).where(eq(activity.id, id)).limit(1);
  if (!a) throw ScheduleErrors.ACTIVITY_NOT_FOUND();
  const m = await requireEventManager(ctx, actorOrNull, a.eventId);
  return { ...m, a };
}

export async function updateActivity(
  ctx: AppContext,
  actorOrNull: Actor | null,
  id: string,
  body: TActivityUpdate,
) {
  const { actor, ev, a } = await loadActivity(ctx, actorOrNull, id);
  const startsAt = body.startsAt ?? a.startsAt;
  const endsAt = body.endsAt ?? a.endsAt;
  const roomId = body.roomId === undefined ? a.roomId : body.roomId;
  checkTimes(ev, startsAt, endsAt);
  const moved =
    startsAt.getTime() !== a.startsAt.getTime() ||
    endsAt.getTime() !== a.endsAt.getTime() ||
    roomId !== a.roomId;
  await ctx.db.transaction(async (tx) => {
    await lockEvent(tx, a.eventId);
    await checkRoom(tx, a.eventId, roomId);
    const presenters = (
      await tx
        .select({ personId: activityPresenter.personId })
        .from(activityPresenter)
        .where(eq(activityPresenter.activityId, id))
    ).map((p) => p.personId);
    await assertNoClash(tx, { eventId: a.eventId, activityId: id, roomId, presenters, startsAt, endsAt });
    const [after] = await tx
      .update(activity)
      .set({
        startsAt,
        endsAt,
        roomId,
        ...(body.title ? { title: body.title } : {}),
        ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
        updatedAt: new Date(),
      })
      .where(eq(activity.id, id))
      .returning();
    await audit(tx, actor, 'update', 'activity', id, a, after);
  });
  const view = (await findActivityView(ctx.db, id))!;
  if (moved) await notifyMoved(ctx, ev, view);
  return view;
}

/** People registered for a moved activity get a notice (and an e-mail) with the new time and room (X-4). */
async function notifyMoved(ctx: AppContext, ev: EventRow, a: Awaited<ReturnType<typeof findActivityView>>) {
  if (!a) return;
  const rows = await ctx.db
    .selectDistinct({ userId: user.id })
    .from(registration)
    .innerJoin(user, eq(user.personId, registration.personId))
    .where(
      and(eq(registration.activityId, a.id), inArray(registration.status, ['registered', 'waitlisted'])),
    );
  if (rows.length === 0) return;
  const when = `${ruDate(a.day)} ${hhmm(new Date(a.startsAt))}–${hhmm(new Date(a.endsAt))}`;
  const where = a.roomName ? `, ${a.roomName}` : '';
  await notify(ctx, ctx.db, {
    userIds: rows.map((r) => r.userId),
    kind: 'schedule_changed',
    title: `Изменение в программе: «${a.title}»`,
    body: `В программе мероприятия «${ev.title}» изменилось время или место занятия «${a.title}», на которое вы записаны. Теперь: ${when}${where}.`,
    link: '/my-schedule',
  });
}

export async function deleteActivity(ctx: AppContext, actorOrNull: Actor | null, id: string) {
  const { actor, a } = await loadActivity(ctx, actorOrNull, id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(activity).where(eq(activity.id, id));
    await audit(tx, actor, 'delete', 'activity', id, a, undefined);
  });
  return { ok: true as const };
}

// ---- the programme ----

export async function listUnplaced(ctx: AppContext, actorOrNull: Actor | null, eventId: string) {
  await requireEventManager(ctx, actorOrNull, eventId);
  const apps = await ctx.db
    .select({
      applicationId: application.id,
      topic: application.topic,
      formTitle: activityForm.title,
      sectionTitle: eventSection.title,
      durationMinutes: application.durationMinutes,
      applicantPersonId: application.applicantPersonId,
    })
    .from(application)
    .innerJoin(activityForm, eq(activityForm.id, application.formId))
    .leftJoin(eventSection, eq(eventSection.id, application.sectionId))
    .where(
      and(
        eq(application.eventId, eventId),
        eq(application.status, 'accepted'),
        notExists(
          ctx.db.select({ x: sql`1` }).from(activity).where(eq(activity.applicationId, application.id)),
        ),
      ),
    )
    .orderBy(sql`${application.topic} collate ru_icu`);
  if (apps.length === 0) return { items: [] };
  const ids = apps.map((a) => a.applicationId);
  const co = await ctx.db
    .select({ applicationId: applicationPresenter.applicationId, personId: applicationPresenter.personId })
    .from(applicationPresenter)
    .where(inArray(applicationPresenter.applicationId, ids));
  const personIds = [...new Set([...apps.map((a) => a.applicantPersonId), ...co.map((c) => c.personId)])];
  const people = await ctx.db.select().from(person).where(inArray(person.id, personIds));
  const byId = new Map(people.map((p) => [p.id, p]));
  const pr = (pid: string) => {
    const p = byId.get(pid)!;
    return { personId: pid, fullName: fullNameOf(p), shortName: shortNameOf(p) };
  };
  return {
    items: apps.map((a) => ({
      applicationId: a.applicationId,
      topic: a.topic,
      formTitle: a.formTitle,
      sectionTitle: a.sectionTitle,
      durationMinutes: a.durationMinutes,
      presenters: [
        pr(a.applicantPersonId),
        ...co.filter((c) => c.applicationId === a.applicationId).map((c) => pr(c.personId)),
      ],
    })),
  };
}

/** Days of the event × rooms × time; managers always, others once published (anonymous: published only). */
export async function getSchedule(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  opts: { publicOnly?: boolean } = {},
): Promise<TSchedule> {
  const { ev, place } = await loadEvent(ctx.db, eventId);
  const canManage = !opts.publicOnly && canManageSchedule(actor, place);
  if (!canManage && !ev.schedulePublished) throw ScheduleErrors.SCHEDULE_NOT_PUBLISHED();
  const [rooms, activities] = await Promise.all([
    ctx.db.select().from(room).where(eq(room.eventId, eventId)).orderBy(sql`${room.name} collate ru_icu`),
    findActivityViews(
      ctx.db,
      eq(activity.eventId, eventId),
      opts.publicOnly ? null : (actor?.personId ?? null),
    ),
  ]);
  const days: TSchedule['days'] = [];
  for (let d = ev.startDate; d <= ev.endDate; d = nextDay(d)) days.push({ date: d, activities: [] });
  const byDay = new Map(days.map((d) => [d.date, d]));
  for (const a of activities) byDay.get(a.day)?.activities.push(a);
  return {
    event: {
      id: ev.id,
      title: ev.title,
      startDate: ev.startDate,
      endDate: ev.endDate,
      venue: ev.venue,
      schedulePublished: ev.schedulePublished,
    },
    canManage,
    rooms,
    days,
  };
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function publishSchedule(
  ctx: AppContext,
  actorOrNull: Actor | null,
  eventId: string,
  published: boolean,
) {
  const { actor, ev } = await requireEventManager(ctx, actorOrNull, eventId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(event)
      .set({ schedulePublished: published, updatedAt: new Date() })
      .where(eq(event.id, eventId));
    await audit(
      tx,
      actor,
      'update',
      'event',
      eventId,
      { schedulePublished: ev.schedulePublished },
      { schedulePublished: published },
    );
  });
  return getSchedule(ctx, actor, eventId);
}

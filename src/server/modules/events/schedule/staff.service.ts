// Staff of an event (S0-6): technical, artistic, musical and operational duties; consultations (S0-11):
// a teacher or an organisation asks, the organisers assign a consultant and a time.
import { and, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Actor, forbid, requireActor } from '../../../platform/actor.js';
import { audit } from '../../../platform/audit.js';
import type { AppContext } from '../../../platform/context.js';
import { offsetOf } from '../../../platform/pagination.js';
import { organization, person } from '../../directory/index.js';
import { activity, consultation, staffAssignment } from '../events.tables.js';
import { fullNameOf, loadEvent, requireEventManager, requirePerson } from './schedule.common.js';
import { ScheduleErrors } from './schedule.errors.js';
import { canManageSchedule } from './schedule.policy.js';

type StaffBody = {
  personId?: string;
  duty?: (typeof staffAssignment.$inferInsert)['duty'];
  activityId?: string | null;
  notes?: string | null;
};

async function checkRefs(ctx: AppContext, eventId: string, b: StaffBody) {
  if (b.personId) {
    const [p] = await ctx.db.select({ id: person.id }).from(person).where(eq(person.id, b.personId)).limit(1);
    if (!p) throw ScheduleErrors.UNKNOWN_PERSON();
  }
  if (b.activityId) {
    const [a] = await ctx.db
      .select({ id: activity.id })
      .from(activity)
      .where(and(eq(activity.id, b.activityId), eq(activity.eventId, eventId)))
      .limit(1);
    if (!a) throw ScheduleErrors.UNKNOWN_ACTIVITY();
  }
}

async function staffView(ctx: AppContext, where: SQL, page?: { limit: number; offset: number }) {
  const q = ctx.db
    .select({
      id: staffAssignment.id,
      eventId: staffAssignment.eventId,
      personId: staffAssignment.personId,
      surname: person.surname,
      name: person.name,
      patronymic: person.patronymic,
      organizationName: organization.shortName,
      duty: staffAssignment.duty,
      activityId: staffAssignment.activityId,
      activityTitle: activity.title,
      notes: staffAssignment.notes,
    })
    .from(staffAssignment)
    .innerJoin(person, eq(person.id, staffAssignment.personId))
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .leftJoin(activity, eq(activity.id, staffAssignment.activityId))
    .where(where)
    .orderBy(staffAssignment.duty, sql`${person.surname} collate ru_icu`, sql`${person.name} collate ru_icu`);
  const rows = page ? await q.limit(page.limit).offset(page.offset) : await q;
  return rows.map(({ surname, name, patronymic, ...r }) => ({
    ...r,
    fullName: fullNameOf({ surname, name, patronymic }),
  }));
}

export async function listStaff(
  ctx: AppContext,
  actorOrNull: Actor | null,
  eventId: string,
  q: { page: number; pageSize: number },
) {
  await requireEventManager(ctx, actorOrNull, eventId);
  const where = eq(staffAssignment.eventId, eventId);
  const [items, [{ total }]] = await Promise.all([
    staffView(ctx, where, { limit: q.pageSize, offset: offsetOf(q) }),
    ctx.db.select({ total: count() }).from(staffAssignment).where(where),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function createStaff(
  ctx: AppContext,
  actorOrNull: Actor | null,
  eventId: string,
  b: Required<Pick<StaffBody, 'personId' | 'duty'>> & StaffBody,
) {
  const { actor } = await requireEventManager(ctx, actorOrNull, eventId);
  await checkRefs(ctx, eventId, b);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffAssignment)
      .values({
        eventId,
        personId: b.personId,
        duty: b.duty,
        activityId: b.activityId ?? null,
        notes: b.notes ?? null,
      })
      .returning();
    await audit(tx, actor, 'create', 'staff_assignment', row.id, undefined, row);
    return row.id;
  });
  return (await staffView(ctx, eq(staffAssignment.id, id)))[0];
}

async function loadStaff(ctx: AppContext, actorOrNull: Actor | null, id: string) {
  requireActor(actorOrNull);
  const [row] = await ctx.db.select().from(staffAssignment).where(eq(staffAssignment.id, id)).limit(1);
  if (!row) throw ScheduleErrors.STAFF_NOT_FOUND();
  const { actor } = await requireEventManager(ctx, actorOrNull, row.eventId);
  return { actor, row };
}

export async function updateStaff(ctx: AppContext, actorOrNull: Actor | null, id: string, b: StaffBody) {
  const { actor, row } = await loadStaff(ctx, actorOrNull, id);
  await checkRefs(ctx, row.eventId, b);
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx.update(staffAssignment).set(b).where(eq(staffAssignment.id, id)).returning();
    await audit(tx, actor, 'update', 'staff_assignment', id, row, after);
  });
  return (await staffView(ctx, eq(staffAssignment.id, id)))[0];
}

export async function deleteStaff(ctx: AppContext, actorOrNull: Actor | null, id: string) {
  const { actor, row } = await loadStaff(ctx, actorOrNull, id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(staffAssignment).where(eq(staffAssignment.id, id));
    await audit(tx, actor, 'delete', 'staff_assignment', id, row, undefined);
  });
  return { ok: true as const };
}

// ---- consultations ----

const requester = alias(person, 'requester');
const consultant = alias(person, 'consultant');

async function consultationView(
  ctx: AppContext,
  where: SQL | undefined,
  page?: { limit: number; offset: number },
) {
  const q = ctx.db
    .select({
      c: consultation,
      requester: { surname: requester.surname, name: requester.name, patronymic: requester.patronymic },
      consultant: { surname: consultant.surname, name: consultant.name, patronymic: consultant.patronymic },
      organizationName: organization.shortName,
    })
    .from(consultation)
    .leftJoin(requester, eq(requester.id, consultation.requesterPersonId))
    .leftJoin(consultant, eq(consultant.id, consultation.consultantPersonId))
    .leftJoin(organization, eq(organization.id, consultation.organizationId))
    .where(where)
    .orderBy(desc(consultation.createdAt), desc(consultation.id));
  const rows = page ? await q.limit(page.limit).offset(page.offset) : await q;
  return rows.map(({ c, ...r }) => ({
    id: c.id,
    eventId: c.eventId,
    requesterPersonId: c.requesterPersonId,
    requesterName: r.requester ? fullNameOf(r.requester) : null,
    organizationId: c.organizationId,
    organizationName: r.organizationName,
    subject: c.subject,
    question: c.question,
    consultantPersonId: c.consultantPersonId,
    consultantName: r.consultant ? fullNameOf(r.consultant) : null,
    scheduledAt: c.scheduledAt?.toISOString() ?? null,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
  }));
}

export async function requestConsultation(
  ctx: AppContext,
  actorOrNull: Actor | null,
  eventId: string,
  b: { subject: string; question?: string | null; organizationId?: string | null },
) {
  const actor = requireActor(actorOrNull);
  await loadEvent(ctx.db, eventId);
  let requesterPersonId: string | null = actor.personId;
  let organizationId: string | null = null;
  if (b.organizationId) {
    // an organisation asks through its head (or a manager on its behalf)
    const ok = actor.roles.some(
      (g) => (g.role === 'organization_head' && g.scopeId === b.organizationId) || g.role === 'admin',
    );
    if (!ok) forbid();
    organizationId = b.organizationId;
  } else {
    requesterPersonId = requirePerson(actor);
    const [p] = await ctx.db
      .select({ org: person.organizationId })
      .from(person)
      .where(eq(person.id, requesterPersonId))
      .limit(1);
    organizationId = p?.org ?? null;
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consultation)
      .values({
        eventId,
        requesterPersonId,
        organizationId,
        subject: b.subject,
        question: b.question ?? null,
      })
      .returning();
    await audit(tx, actor, 'create', 'consultation', row.id, undefined, row);
    return row.id;
  });
  return (await consultationView(ctx, eq(consultation.id, id)))[0];
}

/** Managers see every request of the event; others see what they asked or are consulting on. */
export async function listConsultations(
  ctx: AppContext,
  actorOrNull: Actor | null,
  eventId: string,
  q: { page: number; pageSize: number; status?: (typeof consultation.$inferSelect)['status'] },
) {
  const actor = requireActor(actorOrNull);
  const { place } = await loadEvent(ctx.db, eventId);
  const manager = canManageSchedule(actor, place);
  const headOf = actor.roles
    .filter((g) => g.role === 'organization_head' && g.scopeId)
    .map((g) => g.scopeId as string);
  const own = or(
    actor.personId ? eq(consultation.requesterPersonId, actor.personId) : undefined,
    actor.personId ? eq(consultation.consultantPersonId, actor.personId) : undefined,
    headOf.length ? inArray(consultation.organizationId, headOf) : undefined,
  );
  if (!manager && !own) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(
    eq(consultation.eventId, eventId),
    manager ? undefined : own,
    q.status ? eq(consultation.status, q.status) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    consultationView(ctx, where, { limit: q.pageSize, offset: offsetOf(q) }),
    ctx.db.select({ total: count() }).from(consultation).where(where),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function updateConsultation(
  ctx: AppContext,
  actorOrNull: Actor | null,
  id: string,
  b: {
    consultantPersonId?: string | null;
    scheduledAt?: Date | null;
    status?: (typeof consultation.$inferSelect)['status'];
  },
) {
  requireActor(actorOrNull);
  const [row] = await ctx.db.select().from(consultation).where(eq(consultation.id, id)).limit(1);
  if (!row) throw ScheduleErrors.CONSULTATION_NOT_FOUND();
  const { actor } = await requireEventManager(ctx, actorOrNull, row.eventId);
  if (b.consultantPersonId) await checkRefs(ctx, row.eventId, { personId: b.consultantPersonId });
  const status = b.status ?? (b.consultantPersonId && row.status === 'requested' ? 'assigned' : row.status);
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(consultation)
      .set({ ...b, status, updatedAt: new Date() })
      .where(eq(consultation.id, id))
      .returning();
    await audit(tx, actor, 'update', 'consultation', id, row, after);
  });
  return (await consultationView(ctx, eq(consultation.id, id)))[0];
}

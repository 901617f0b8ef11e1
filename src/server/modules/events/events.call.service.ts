// Events (S0-1, S0-2): the approval step by the education committee and the centre, opening the call with
// notifications to the invited organisations, and the public event page.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/db.js';
import { type Actor, requireActor } from '../../platform/actor.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { organization, person } from '../directory/directory.tables.js';
import { roleAssignment, user } from '../identity/identity.tables.js';
import { notify } from '../notifications/notifications.service.js';
import { EventErrors } from './events.errors.js';
import type { TApproveBody, TPublishCall } from './events.schemas.js';
import { applicationsOpenNow, type EventRow, hostPlaceOf, loadManaged, toDto } from './events.service.js';
import { type EventStatus, event, eventApproval, eventAudience, eventSection } from './events.tables.js';

/** S0-1: the education committee and the methodological centre approve the dates; both → approved. */
export async function approveEvent(ctx: AppContext, actorIn: Actor | null, id: string, input: TApproveBody) {
  const actor = requireActor(actorIn);
  const { row, host } = await ctx.db.transaction(async (tx) => {
    const { row: before, host } = await loadManaged(tx, actor, id);
    if (before.status !== 'draft') throw EventErrors.EVENT_NOT_DRAFT();
    const [previous] = await tx
      .select()
      .from(eventApproval)
      .where(and(eq(eventApproval.eventId, id), eq(eventApproval.body, input.body)));
    if (previous) await tx.delete(eventApproval).where(eq(eventApproval.id, previous.id));
    const [approval] = await tx
      .insert(eventApproval)
      .values({
        eventId: id,
        body: input.body,
        decision: input.decision,
        comment: input.comment || null,
        approvedBy: actor.userId,
        approvedByName: actor.name,
      })
      .returning();
    await audit(
      tx,
      actor,
      previous ? 'update' : 'create',
      'event_approval',
      approval.id,
      previous ?? null,
      approval,
    );
    const all = await tx.select().from(eventApproval).where(eq(eventApproval.eventId, id));
    const approvedBodies = new Set(all.filter((a) => a.decision === 'approved').map((a) => a.body));
    let after = before;
    if (approvedBodies.has('education_committee') && approvedBodies.has('methodological_centre')) {
      [after] = await tx
        .update(event)
        .set({ status: 'approved', updatedAt: new Date() })
        .where(eq(event.id, id))
        .returning();
      await audit(tx, actor, 'update', 'event', id, { status: before.status }, { status: after.status });
    }
    return { row: after, host };
  });
  return toDto(ctx.db, row, host, true);
}

/** Users to notify when the call opens: people (heads and teachers) of the host and the invited organisations. */
export async function invitedUserIds(db: DbOrTx, row: EventRow): Promise<string[]> {
  const aud = await db.select().from(eventAudience).where(eq(eventAudience.eventId, row.id));
  const orgIds = new Set<string>([row.hostOrganizationId]);
  for (const a of aud) if (a.organizationId) orgIds.add(a.organizationId);
  const muniIds = aud.flatMap((a) => (a.municipalityId ? [a.municipalityId] : []));
  if (muniIds.length) {
    const more = await db
      .select({ id: organization.id })
      .from(organization)
      .where(inArray(organization.municipalityId, muniIds));
    for (const o of more) orgIds.add(o.id);
  }
  const ids = [...orgIds];
  const [byPerson, heads] = await Promise.all([
    db
      .select({ id: user.id })
      .from(user)
      .innerJoin(person, eq(person.id, user.personId))
      .where(and(inArray(person.organizationId, ids), eq(person.status, 'active'), isNotNull(user.personId))),
    db
      .select({ id: roleAssignment.userId })
      .from(roleAssignment)
      .where(
        and(
          eq(roleAssignment.role, 'organization_head'),
          eq(roleAssignment.scopeType, 'organization'),
          inArray(roleAssignment.scopeId, ids),
        ),
      ),
  ]);
  return [...new Set([...byPerson.map((r) => r.id), ...heads.map((r) => r.id)])];
}

const ruDate = (iso: string) => iso.split('-').reverse().join('.');

/** S0-2: publish conditions, procedure and window; status → call_open; invited organisations are notified. */
export async function publishCall(ctx: AppContext, actorIn: Actor | null, id: string, input: TPublishCall) {
  const actor = requireActor(actorIn);
  if (input.applicationsOpenUntil < input.applicationsOpenFrom)
    throw EventErrors.APPLICATION_WINDOW_INVALID({}, { field: 'applicationsOpenUntil' });
  const { row, host } = await ctx.db.transaction(async (tx) => {
    const { row: before, host } = await loadManaged(tx, actor, id);
    if (before.status !== 'approved' && before.status !== 'call_open') throw EventErrors.EVENT_NOT_APPROVED();
    const patch: Partial<typeof event.$inferInsert> = {
      status: 'call_open',
      conditions: input.conditions,
      procedure: input.procedure,
      applicationsOpenFrom: input.applicationsOpenFrom,
      applicationsOpenUntil: input.applicationsOpenUntil,
      updatedAt: new Date(),
    };
    if (input.capPerOrganization !== undefined) patch.capPerOrganization = input.capPerOrganization;
    if (input.capsPerForm) patch.capsPerForm = input.capsPerForm;
    const [after] = await tx.update(event).set(patch).where(eq(event.id, id)).returning();
    await audit(tx, actor, 'update', 'event', id, before, after);
    if (before.status === 'approved') {
      await notify(ctx, tx, {
        userIds: await invitedUserIds(tx, after),
        kind: 'event_call_open',
        title: `Открыт приём заявок: ${after.title}`,
        body:
          `${host.name} приглашает принять участие: ${after.title}, ${ruDate(after.startDate)} — ${ruDate(after.endDate)}` +
          `${after.venue ? `, ${after.venue}` : ''}. Заявки принимаются с ${ruDate(input.applicationsOpenFrom)} по ${ruDate(input.applicationsOpenUntil)}.`,
        link: `/e/${id}`,
        email: true,
      });
    }
    return { row: after, host };
  });
  return toDto(ctx.db, row, host, true);
}

const PUBLIC_STATUSES: EventStatus[] = ['call_open', 'call_closed', 'completed'];

/** The public event page (no sign-in): only events whose call has been published. */
export async function getPublicEvent(ctx: AppContext, id: string) {
  const [row] = await ctx.db.select().from(event).where(eq(event.id, id));
  if (!row || !PUBLIC_STATUSES.includes(row.status)) throw EventErrors.EVENT_NOT_FOUND();
  const host = (await hostPlaceOf(ctx.db, row.hostOrganizationId))!;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    theme: row.theme,
    description: row.description,
    status: row.status,
    startDate: row.startDate,
    endDate: row.endDate,
    venue: row.venue,
    hostOrganizationName: host.name,
    hostOrganizationAddress: host.address,
    conditions: row.conditions,
    procedure: row.procedure,
    applicationsOpenFrom: row.applicationsOpenFrom,
    applicationsOpenUntil: row.applicationsOpenUntil,
    applicationsOpen: applicationsOpenNow(row),
    schedulePublished: row.schedulePublished,
    sections: await ctx.db
      .select({ title: eventSection.title, subject: eventSection.subject })
      .from(eventSection)
      .where(eq(eventSection.eventId, row.id))
      .orderBy(sql`${eventSection.title} collate ru_icu`),
  };
}

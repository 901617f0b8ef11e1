// Events (S0-1): create, read, change and delete events. Access by the host's place; audited.
// The approval step, the call and the public page are in events.call.service.ts; the XLSX export in events.export.ts.
import { and, asc, count, desc, eq, gte, inArray, lte, max, ne, or, type SQL, sql } from 'drizzle-orm';
import { academicYearOf, academicYearRange, academicYearStartYear } from '../../../shared/academic-year.js';
import type { DbOrTx } from '../../db/db.js';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { offsetOf } from '../../platform/pagination.js';
import { todayIso } from '../directory/directory.schemas.js';
import { municipality, organization } from '../directory/directory.tables.js';
import { EventErrors } from './events.errors.js';
import {
  canManageEvent,
  canReadEvent,
  type HostPlace,
  manageScopes,
  mayCreateEvents,
} from './events.policy.js';
import type { TEvent, TEventCreate, TEventQuery, TEventUpdate } from './events.schemas.js';
import { type EventStatus, event, eventApproval, eventAudience } from './events.tables.js';

export type EventRow = typeof event.$inferSelect;

const DAY = 86_400_000;
export function durationDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY) + 1;
}

/** S0-1: end ≥ start; a pedagogical session lasts 2–6 days inclusive. */
export function validateDates(kind: string, start: string, end: string): void {
  if (end < start) throw EventErrors.EVENT_DATES_INVERTED({}, { field: 'endDate' });
  const days = durationDays(start, end);
  if (kind === 'pedagogical_session' && (days < 2 || days > 6))
    throw EventErrors.EVENT_DURATION_INVALID({ days }, { field: 'endDate', days, min: 2, max: 6 });
}

/** S0-1: sessions are biennial — the next one is due two academic years after the last one started. */
export function nextSessionDue(lastStart: string | null) {
  if (!lastStart) return null;
  const y = academicYearStartYear(academicYearOf(lastStart)) + 2;
  const academicYear = `${y}/${y + 1}`;
  return {
    academicYear,
    lastSessionStart: lastStart,
    message: `следующая сессия — в ${academicYear} учебном году`,
  };
}

export function applicationsOpenNow(e: EventRow, today = todayIso()): boolean {
  return (
    e.status === 'call_open' &&
    (!e.applicationsOpenFrom || e.applicationsOpenFrom <= today) &&
    (!e.applicationsOpenUntil || today <= e.applicationsOpenUntil)
  );
}

export async function hostPlaceOf(
  db: DbOrTx,
  organizationId: string,
): Promise<(HostPlace & { name: string; address: string | null }) | null> {
  const [r] = await db
    .select({
      organizationId: organization.id,
      municipalityId: organization.municipalityId,
      regionId: municipality.regionId,
      name: organization.shortName,
      address: organization.address,
    })
    .from(organization)
    .innerJoin(municipality, eq(municipality.id, organization.municipalityId))
    .where(eq(organization.id, organizationId));
  return r ?? null;
}

/** The event, its host's place and whether the actor manages it; 404 when absent or a draft the actor may not see. */
export async function loadEventFor(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const q = db.select().from(event).where(eq(event.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw EventErrors.EVENT_NOT_FOUND();
  const host = (await hostPlaceOf(db, row.hostOrganizationId))!;
  if (!canReadEvent(actor, row.status, host)) throw EventErrors.EVENT_NOT_FOUND();
  return { row, host, canManage: canManageEvent(actor, host) };
}

export async function loadManaged(db: DbOrTx, actor: Actor, id: string) {
  const loaded = await loadEventFor(db, actor, id, true);
  if (!loaded.canManage) forbid();
  return loaded;
}

function requireCreator(actorIn: Actor | null): Actor {
  const actor = requireActor(actorIn);
  if (!mayCreateEvents(actor)) forbid();
  return actor;
}

export async function toDto(
  db: DbOrTx,
  row: EventRow,
  host: { name: string },
  canManage: boolean,
): Promise<TEvent> {
  const [orgs, munis, approvals] = await Promise.all([
    db
      .select({ id: organization.id, name: organization.shortName })
      .from(eventAudience)
      .innerJoin(organization, eq(organization.id, eventAudience.organizationId))
      .where(eq(eventAudience.eventId, row.id))
      .orderBy(sql`${organization.shortName} collate ru_icu`),
    db
      .select({ id: municipality.id, name: municipality.name })
      .from(eventAudience)
      .innerJoin(municipality, eq(municipality.id, eventAudience.municipalityId))
      .where(eq(eventAudience.eventId, row.id))
      .orderBy(sql`${municipality.name} collate ru_icu`),
    db.select().from(eventApproval).where(eq(eventApproval.eventId, row.id)).orderBy(asc(eventApproval.at)),
  ]);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    theme: row.theme,
    description: row.description,
    hostOrganizationId: row.hostOrganizationId,
    hostOrganizationName: host.name,
    startDate: row.startDate,
    endDate: row.endDate,
    durationDays: durationDays(row.startDate, row.endDate),
    venue: row.venue,
    status: row.status,
    academicYear: academicYearOf(row.startDate),
    canManage,
    audienceOrganizations: orgs,
    audienceMunicipalities: munis,
    conditions: row.conditions,
    procedure: row.procedure,
    applicationsOpenFrom: row.applicationsOpenFrom,
    applicationsOpenUntil: row.applicationsOpenUntil,
    applicationsOpen: applicationsOpenNow(row),
    capPerOrganization: row.capPerOrganization,
    capsPerForm: row.capsPerForm,
    approvals: approvals.map((a) => ({
      body: a.body,
      decision: a.decision,
      comment: a.comment,
      approvedByName: a.approvedByName,
      at: a.at.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * SQL for «events the actor manages» over a query that joins the host organisation and its municipality
 * (undefined: all of them, for an admin; a false condition when none). The same rule as canManageEvent.
 */
export function managedEventsWhere(actor: Actor): SQL | undefined {
  const scopes = manageScopes(actor);
  if (scopes === null) return undefined;
  const managed: SQL[] = [];
  if (scopes.organizations.length) managed.push(inArray(event.hostOrganizationId, scopes.organizations));
  if (scopes.municipalities.length) managed.push(inArray(organization.municipalityId, scopes.municipalities));
  if (scopes.regions.length) managed.push(inArray(municipality.regionId, scopes.regions));
  return managed.length ? or(...managed) : sql`false`;
}

/** Only drafts the actor manages are visible besides published events. */
function visibilityWhere(actor: Actor): SQL | undefined {
  const managed = managedEventsWhere(actor);
  return managed === undefined ? undefined : or(ne(event.status, 'draft'), managed);
}

export async function listEvents(ctx: AppContext, actorIn: Actor | null, q: TEventQuery) {
  const actor = requireActor(actorIn);
  const where: (SQL | undefined)[] = [visibilityWhere(actor)];
  if (q.kind) where.push(eq(event.kind, q.kind));
  if (q.status) where.push(eq(event.status, q.status));
  if (q.year) {
    const r = academicYearRange(q.year);
    where.push(sql`${event.startDate} between ${r.start} and ${r.end}`);
  }
  if (q.q) where.push(sql`${event.title} ilike ${`%${q.q.replace(/[\\%_]/g, '\\$&')}%`}`);
  if (q.managed) where.push(managedEventsWhere(actor));
  const today = todayIso();
  if (q.current) where.push(and(gte(event.endDate, today), ne(event.status, 'cancelled')));
  if (q.openForApplications)
    where.push(
      and(
        eq(event.status, 'call_open'),
        lte(event.applicationsOpenFrom, today),
        gte(event.applicationsOpenUntil, today),
      ),
    );
  const cond = and(...where);
  const dir = q.order === 'desc' ? desc : asc;
  const order =
    q.sort === 'title' ? [sql`${event.title} collate ru_icu ${sql.raw(q.order)}`] : [dir(event.startDate)];
  const base = () =>
    ctx.db
      .select({
        e: event,
        hostName: organization.shortName,
        municipalityId: organization.municipalityId,
        regionId: municipality.regionId,
      })
      .from(event)
      .innerJoin(organization, eq(organization.id, event.hostOrganizationId))
      .innerJoin(municipality, eq(municipality.id, organization.municipalityId));
  const [rows, [{ n }], [{ last }]] = await Promise.all([
    base()
      .where(cond)
      .orderBy(...order, asc(event.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ctx.db
      .select({ n: count() })
      .from(event)
      .innerJoin(organization, eq(organization.id, event.hostOrganizationId))
      .innerJoin(municipality, eq(municipality.id, organization.municipalityId))
      .where(cond),
    ctx.db
      .select({ last: max(event.startDate) })
      .from(event)
      .where(and(eq(event.kind, 'pedagogical_session'), ne(event.status, 'cancelled'))),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.e.id,
      kind: r.e.kind,
      title: r.e.title,
      theme: r.e.theme,
      hostOrganizationId: r.e.hostOrganizationId,
      hostOrganizationName: r.hostName,
      startDate: r.e.startDate,
      endDate: r.e.endDate,
      venue: r.e.venue,
      status: r.e.status,
      academicYear: academicYearOf(r.e.startDate),
      canManage: canManageEvent(actor, {
        organizationId: r.e.hostOrganizationId,
        municipalityId: r.municipalityId,
        regionId: r.regionId,
      }),
      applicationsOpenFrom: r.e.applicationsOpenFrom,
      applicationsOpenUntil: r.e.applicationsOpenUntil,
      applicationsOpen: applicationsOpenNow(r.e),
    })),
    total: n,
    page: q.page,
    pageSize: q.pageSize,
    nextPedagogicalSessionDue: nextSessionDue(last ?? null),
  };
}

export async function getEvent(ctx: AppContext, actorIn: Actor | null, id: string): Promise<TEvent> {
  const actor = requireActor(actorIn);
  const { row, host, canManage } = await loadEventFor(ctx.db, actor, id);
  return toDto(ctx.db, row, host, canManage);
}

async function checkAudience(db: DbOrTx, orgIds: string[], muniIds: string[]) {
  if (orgIds.length) {
    const [{ n }] = await db
      .select({ n: count() })
      .from(organization)
      .where(inArray(organization.id, orgIds));
    if (n !== new Set(orgIds).size)
      throw EventErrors.EVENT_UNKNOWN_ORGANIZATION({}, { field: 'audienceOrganizationIds' });
  }
  if (muniIds.length) {
    const [{ n }] = await db
      .select({ n: count() })
      .from(municipality)
      .where(inArray(municipality.id, muniIds));
    if (n !== new Set(muniIds).size)
      throw EventErrors.EVENT_UNKNOWN_MUNICIPALITY({}, { field: 'audienceMunicipalityIds' });
  }
}

async function writeAudience(db: DbOrTx, eventId: string, orgIds: string[], muniIds: string[]) {
  await db.delete(eventAudience).where(eq(eventAudience.eventId, eventId));
  const rows = [
    ...[...new Set(orgIds)].map((organizationId) => ({ eventId, organizationId })),
    ...[...new Set(muniIds)].map((municipalityId) => ({ eventId, municipalityId })),
  ];
  if (rows.length) await db.insert(eventAudience).values(rows);
}

async function audienceIds(db: DbOrTx, eventId: string) {
  const rows = await db.select().from(eventAudience).where(eq(eventAudience.eventId, eventId));
  return {
    audienceOrganizationIds: rows.flatMap((r) => (r.organizationId ? [r.organizationId] : [])),
    audienceMunicipalityIds: rows.flatMap((r) => (r.municipalityId ? [r.municipalityId] : [])),
  };
}

export async function createEvent(
  ctx: AppContext,
  actorIn: Actor | null,
  input: TEventCreate,
): Promise<TEvent> {
  const actor = requireCreator(actorIn);
  const host = await hostPlaceOf(ctx.db, input.hostOrganizationId);
  if (!host) throw EventErrors.EVENT_UNKNOWN_ORGANIZATION({}, { field: 'hostOrganizationId' });
  if (!canManageEvent(actor, host)) forbid();
  validateDates(input.kind, input.startDate, input.endDate);
  await checkAudience(ctx.db, input.audienceOrganizationIds, input.audienceMunicipalityIds);
  const row = await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(event)
      .values({
        kind: input.kind,
        title: input.title,
        theme: input.theme || null,
        description: input.description || null,
        hostOrganizationId: input.hostOrganizationId,
        startDate: input.startDate,
        endDate: input.endDate,
        venue: input.venue || null,
        capPerOrganization: input.capPerOrganization ?? null,
        capsPerForm: input.capsPerForm ?? {},
        createdBy: actor.userId,
      })
      .returning();
    await writeAudience(tx, r.id, input.audienceOrganizationIds, input.audienceMunicipalityIds);
    await audit(tx, actor, 'create', 'event', r.id, null, {
      ...r,
      audienceOrganizationIds: input.audienceOrganizationIds,
      audienceMunicipalityIds: input.audienceMunicipalityIds,
    });
    return r;
  });
  return toDto(ctx.db, row, host, true);
}

const TRANSITIONS: Record<string, EventStatus[]> = {
  call_closed: ['call_open'],
  completed: ['approved', 'call_open', 'call_closed'],
  cancelled: ['draft', 'approved', 'call_open', 'call_closed'],
};

export async function updateEvent(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  input: TEventUpdate,
): Promise<TEvent> {
  const actor = requireActor(actorIn);
  const { row, host } = await ctx.db.transaction(async (tx) => {
    const { row: before } = await loadManaged(tx, actor, id);
    let host = (await hostPlaceOf(tx, before.hostOrganizationId))!;
    if (input.hostOrganizationId && input.hostOrganizationId !== before.hostOrganizationId) {
      const next = await hostPlaceOf(tx, input.hostOrganizationId);
      if (!next) throw EventErrors.EVENT_UNKNOWN_ORGANIZATION({}, { field: 'hostOrganizationId' });
      if (!canManageEvent(actor, next)) forbid();
      host = next;
    }
    const kind = input.kind ?? before.kind;
    const start = input.startDate ?? before.startDate;
    const end = input.endDate ?? before.endDate;
    if (input.kind || input.startDate || input.endDate) validateDates(kind, start, end);
    if (input.status && input.status !== before.status && !TRANSITIONS[input.status]?.includes(before.status))
      throw EventErrors.EVENT_STATUS_TRANSITION({ from: before.status, to: input.status });
    const beforeAudience = await audienceIds(tx, id);
    if (input.audienceOrganizationIds || input.audienceMunicipalityIds) {
      const orgIds = input.audienceOrganizationIds ?? beforeAudience.audienceOrganizationIds;
      const muniIds = input.audienceMunicipalityIds ?? beforeAudience.audienceMunicipalityIds;
      await checkAudience(tx, orgIds, muniIds);
      await writeAudience(tx, id, orgIds, muniIds);
    }
    const patch: Partial<typeof event.$inferInsert> = { updatedAt: new Date() };
    if (input.kind) patch.kind = input.kind;
    if (input.title) patch.title = input.title;
    if (input.theme !== undefined) patch.theme = input.theme || null;
    if (input.description !== undefined) patch.description = input.description || null;
    if (input.hostOrganizationId) patch.hostOrganizationId = input.hostOrganizationId;
    if (input.startDate) patch.startDate = input.startDate;
    if (input.endDate) patch.endDate = input.endDate;
    if (input.venue !== undefined) patch.venue = input.venue || null;
    if (input.capPerOrganization !== undefined) patch.capPerOrganization = input.capPerOrganization;
    if (input.capsPerForm) patch.capsPerForm = input.capsPerForm;
    if (input.status) patch.status = input.status;
    const [after] = await tx.update(event).set(patch).where(eq(event.id, id)).returning();
    await audit(
      tx,
      actor,
      'update',
      'event',
      id,
      { ...before, ...beforeAudience },
      { ...after, ...(await audienceIds(tx, id)) },
    );
    return { row: after, host };
  });
  return toDto(ctx.db, row, host, true);
}

export async function deleteEvent(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requireActor(actorIn);
  await ctx.db.transaction(async (tx) => {
    const { row } = await loadManaged(tx, actor, id);
    if (row.status !== 'draft') throw EventErrors.EVENT_NOT_DRAFT();
    await tx.delete(event).where(eq(event.id, id));
    await audit(tx, actor, 'delete', 'event', id, row, null);
  });
  return { ok: true as const };
}

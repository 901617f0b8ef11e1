// Events (S0-1, S0-2): create, read, change and delete events; the approval step; opening the call with
// notifications to the invited organisations; the public event page. Access by the host's place; audited.
import { and, asc, count, desc, eq, inArray, isNotNull, max, ne, or, type SQL, sql } from 'drizzle-orm';
import { academicYearOf, academicYearRange, academicYearStartYear } from '../../../shared/academic-year.js';
import type { DbOrTx } from '../../db/db.js';
import { datedFileName, writeXlsx, type XlsxDocument, xlsxDate } from '../../documents/xlsx.js';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { offsetOf } from '../../platform/pagination.js';
import { todayIso } from '../directory/directory.schemas.js';
import { municipality, organization, person } from '../directory/directory.tables.js';
import { roleAssignment, user } from '../identity/identity.tables.js';
import { notify } from '../notifications/notifications.service.js';
import { EventErrors } from './events.errors.js';
import {
  canManageEvent,
  canReadEvent,
  type HostPlace,
  manageScopes,
  mayCreateEvents,
} from './events.policy.js';
import type {
  TApproveBody,
  TEvent,
  TEventCreate,
  TEventQuery,
  TEventUpdate,
  TPublishCall,
} from './events.schemas.js';
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

async function loadManaged(db: DbOrTx, actor: Actor, id: string) {
  const loaded = await loadEventFor(db, actor, id, true);
  if (!loaded.canManage) forbid();
  return loaded;
}

function requireCreator(actorIn: Actor | null): Actor {
  const actor = requireActor(actorIn);
  if (!mayCreateEvents(actor)) forbid();
  return actor;
}

async function toDto(db: DbOrTx, row: EventRow, host: { name: string }, canManage: boolean): Promise<TEvent> {
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

/** Only drafts the actor manages are visible besides published events. */
function visibilityWhere(actor: Actor): SQL | undefined {
  const scopes = manageScopes(actor);
  if (scopes === null) return undefined;
  const managed: SQL[] = [];
  if (scopes.organizations.length) managed.push(inArray(event.hostOrganizationId, scopes.organizations));
  if (scopes.municipalities.length) managed.push(inArray(organization.municipalityId, scopes.municipalities));
  if (scopes.regions.length) managed.push(inArray(municipality.regionId, scopes.regions));
  return or(ne(event.status, 'draft'), ...managed);
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
  };
}

const KIND_RU: Record<string, string> = {
  pedagogical_session: 'Педагогическая сессия',
  research_conference: 'Научно-практическая конференция',
  seminar: 'Семинар',
  municipal_event: 'Муниципальное мероприятие',
  meetup: 'Митап',
  other: 'Другое',
};
const STATUS_RU: Record<string, string> = {
  draft: 'Черновик',
  approved: 'Даты согласованы',
  call_open: 'Идёт приём заявок',
  call_closed: 'Приём заявок закрыт',
  completed: 'Завершено',
  cancelled: 'Отменено',
};

type ListedEvent = Awaited<ReturnType<typeof listEvents>>['items'][number];

/** X-6: the events list with its filters as XLSX. */
export async function exportEvents(
  ctx: AppContext,
  actorIn: Actor | null,
  q: Omit<TEventQuery, 'page' | 'pageSize'>,
): Promise<XlsxDocument> {
  const first = await listEvents(ctx, actorIn, { ...q, page: 1, pageSize: 200 });
  async function* rows() {
    let page = first;
    for (let n = 1; ; n++) {
      yield* page.items;
      if (n * 200 >= page.total) return;
      page = await listEvents(ctx, actorIn, { ...q, page: n + 1, pageSize: 200 });
    }
  }
  return {
    fileName: datedFileName('events'),
    write: (sink) =>
      writeXlsx(sink, {
        name: 'Мероприятия',
        columns: [
          { header: 'Начало', format: 'date', value: (e: ListedEvent) => xlsxDate(e.startDate) },
          { header: 'Окончание', format: 'date', value: (e) => xlsxDate(e.endDate) },
          { header: 'Название', width: 60, value: (e) => e.title },
          { header: 'Вид', width: 30, value: (e) => KIND_RU[e.kind] },
          { header: 'Тема', width: 40, value: (e) => e.theme },
          { header: 'Организатор', width: 30, value: (e) => e.hostOrganizationName },
          { header: 'Место', width: 40, value: (e) => e.venue },
          { header: 'Статус', width: 20, value: (e) => STATUS_RU[e.status] },
          { header: 'Учебный год', width: 12, value: (e) => e.academicYear },
        ],
        rows: rows(),
      }),
  };
}

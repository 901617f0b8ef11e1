// Application lists for the home page (S0-3, S0-4): the caller's own applications, the submitted applications
// waiting for the caller's review across every event they manage, and the head's organisation summary.
// Access: own rows by applicant; managed events by managedEventsWhere (canManageEvent's rule in SQL); heads by headsOrganization.
import { and, asc, count, desc, eq, inArray, ne, or } from 'drizzle-orm';
import { type Actor, forbid, requireActor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { offsetOf } from '../../../platform/pagination.js';
import { municipality, organization } from '../../directory/directory.tables.js';
import { headsOrganization, mayCreateEvents } from '../events.policy.js';
import { managedEventsWhere } from '../events.service.js';
import { type ApplicationStatus, application, event } from '../events.tables.js';
import type { TAwaitingQuery, TMyApplicationsQuery } from './applications.mine.schemas.js';
import { views } from './applications.service.js';

/** GET /api/me/applications — only the caller's own applications (as applicant), newest change first by default. */
export async function listMyApplications(ctx: AppContext, actorIn: Actor | null, q: TMyApplicationsQuery) {
  const actor = requireActor(actorIn);
  const own = or(
    eq(application.applicantUserId, actor.userId),
    actor.personId ? eq(application.applicantPersonId, actor.personId) : undefined,
  );
  const where = and(own, q.status ? eq(application.status, q.status) : undefined);
  const dir = q.order === 'asc' ? asc : desc;
  const [rows, [{ n }]] = await Promise.all([
    ctx.db
      .select()
      .from(application)
      .where(where)
      .orderBy(dir(application.updatedAt), asc(application.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ctx.db.select({ n: count() }).from(application).where(where),
  ]);
  return {
    items: await views(ctx.db, actor, rows, () => false),
    total: n,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Events the actor manages that have submitted applications, each with its count (scope filtered in SQL). */
async function managedEventsWithSubmitted(ctx: AppContext, actor: Actor, eventId?: string) {
  const rows = await ctx.db
    .select({
      eventId: event.id,
      eventTitle: event.title,
      startDate: event.startDate,
      organizationId: event.hostOrganizationId,
      municipalityId: organization.municipalityId,
      regionId: municipality.regionId,
      count: count(),
    })
    .from(application)
    .innerJoin(event, eq(event.id, application.eventId))
    .innerJoin(organization, eq(organization.id, event.hostOrganizationId))
    .innerJoin(municipality, eq(municipality.id, organization.municipalityId))
    .where(
      and(
        eq(application.status, 'submitted'),
        managedEventsWhere(actor),
        eventId ? eq(event.id, eventId) : undefined,
      ),
    )
    .groupBy(event.id, organization.municipalityId, municipality.regionId)
    .orderBy(asc(event.startDate), asc(event.id));
  return rows;
}

/** GET /api/applications/awaiting-review — submitted applications of the events the caller manages. */
export async function listAwaitingReview(ctx: AppContext, actorIn: Actor | null, q: TAwaitingQuery) {
  const actor = requireActor(actorIn);
  if (!mayCreateEvents(actor)) forbid();
  const managed = await managedEventsWithSubmitted(ctx, actor, q.eventId);
  const byEvent = managed.map((r) => ({
    eventId: r.eventId,
    eventTitle: r.eventTitle,
    startDate: r.startDate,
    count: r.count,
  }));
  const total = byEvent.reduce((s, e) => s + e.count, 0);
  if (!managed.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, byEvent };
  const where = and(
    eq(application.status, 'submitted'),
    inArray(
      application.eventId,
      managed.map((r) => r.eventId),
    ),
  );
  const dir = q.order === 'desc' ? desc : asc;
  const rows = await ctx.db
    .select()
    .from(application)
    .where(where)
    .orderBy(dir(application.submittedAt), asc(application.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return {
    items: await views(ctx.db, actor, rows, () => true),
    total,
    page: q.page,
    pageSize: q.pageSize,
    byEvent,
  };
}

/** GET /api/applications/organization-summary — per organisation the caller heads and per event: counts by status. */
export async function organizationSummary(ctx: AppContext, actorIn: Actor | null) {
  const actor = requireActor(actorIn);
  const orgIds = actor.roles
    .filter((g) => g.role === 'organization_head' && g.scopeType === 'organization' && g.scopeId)
    .map((g) => g.scopeId as string)
    .filter((id) => headsOrganization(actor, id));
  if (!orgIds.length) forbid();
  const rows = await ctx.db
    .select({
      organizationId: organization.id,
      organizationName: organization.shortName,
      eventId: event.id,
      eventTitle: event.title,
      startDate: event.startDate,
      status: application.status,
      n: count(),
    })
    .from(application)
    .innerJoin(event, eq(event.id, application.eventId))
    .innerJoin(organization, eq(organization.id, application.organizationId))
    .where(
      and(
        inArray(application.organizationId, orgIds),
        ne(application.status, 'draft'),
        ne(event.status, 'draft'),
      ),
    )
    .groupBy(organization.id, event.id, application.status)
    .orderBy(desc(event.startDate), asc(event.id));
  const groups = new Map<
    string,
    {
      organization: { id: string; name: string };
      event: { id: string; title: string; startDate: string };
      counts: Partial<Record<ApplicationStatus, number>>;
      total: number;
    }
  >();
  for (const r of rows) {
    const key = `${r.organizationId}:${r.eventId}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        organization: { id: r.organizationId, name: r.organizationName },
        event: { id: r.eventId, title: r.eventTitle, startDate: r.startDate },
        counts: {},
        total: 0,
      };
      groups.set(key, g);
    }
    g.counts[r.status] = r.n;
    g.total += r.n;
  }
  return { items: [...groups.values()] };
}

// Who may manage and read events and applications. Pure functions over the actor and where a record sits.
import { type Actor, holdsRoleAt, isAdmin, type Place } from '../../platform/actor.js';
import type { EventStatus } from './events.tables.js';

/** Where the host organisation sits. */
export type HostPlace = { organizationId: string; municipalityId: string; regionId: string };

/**
 * Admin anywhere; a methodologist whose scope covers the host organisation, its municipality or region.
 * The one rule for every part of an event (schedule, feedback, materials, certificates).
 */
export function canManageEvent(actor: Actor | null, host: Place): boolean {
  return !!actor && holdsRoleAt(actor, ['methodologist'], host);
}

/** Only these roles ever create events (checked before looking anything up). */
export function mayCreateEvents(actor: Actor): boolean {
  return isAdmin(actor) || actor.roles.some((r) => r.role === 'methodologist');
}

/** Published events (status other than draft) are read by any signed-in user; drafts by their managers. */
export function canReadEvent(actor: Actor, status: EventStatus, host: HostPlace): boolean {
  return status !== 'draft' || canManageEvent(actor, host);
}

/** Admin manages the activity-form catalogue. */
export function canManageActivityForms(actor: Actor): boolean {
  return isAdmin(actor);
}

/** The head of the applicant's organisation sees the organisation's applications. */
export function headsOrganization(actor: Actor, organizationId: string | null): boolean {
  return (
    !!organizationId &&
    actor.roles.some(
      (r) => r.role === 'organization_head' && r.scopeType === 'organization' && r.scopeId === organizationId,
    )
  );
}

/** Methodologist scopes for list filters: null means everywhere (admin or a global grant). */
export function manageScopes(
  actor: Actor,
): { regions: string[]; municipalities: string[]; organizations: string[] } | null {
  if (isAdmin(actor)) return null;
  const out = { regions: [] as string[], municipalities: [] as string[], organizations: [] as string[] };
  for (const g of actor.roles) {
    if (g.role !== 'methodologist') continue;
    if (g.scopeType === 'global') return null;
    if (!g.scopeId) continue;
    if (g.scopeType === 'region') out.regions.push(g.scopeId);
    if (g.scopeType === 'municipality') out.municipalities.push(g.scopeId);
    if (g.scopeType === 'organization') out.organizations.push(g.scopeId);
  }
  return out;
}

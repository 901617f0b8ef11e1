// Who may import what: admin anything; a methodologist people and organisations within their scope;
// an organisation head the people of their own organisation. Pure functions.
import { type Actor, hasAnyRole, holdsRoleAt, isAdmin, type Place } from '../../platform/actor.js';
import type { Role } from '../identity/identity.tables.js';
import type { ImportKind } from './imports.columns.js';

const ROLES_BY_KIND: Record<ImportKind, readonly Role[]> = {
  people: ['methodologist', 'organization_head'],
  organizations: ['methodologist'],
};

/** May the actor start an import of this kind at all (rows are then checked one by one)? */
export function canStartImport(actor: Actor, kind: ImportKind): boolean {
  return isAdmin(actor) || hasAnyRole(actor, ROLES_BY_KIND[kind]);
}

/** May the actor use the import section at all: templates, the list of own jobs. */
export function canUseImports(actor: Actor): boolean {
  return canStartImport(actor, 'people') || canStartImport(actor, 'organizations');
}

/** May the actor write a row of this kind that sits at `place`? */
export function canImportAt(actor: Actor, kind: ImportKind, place: Place): boolean {
  return holdsRoleAt(actor, ROLES_BY_KIND[kind], place);
}

/**
 * The organisation a people row without one goes to: the only organisation the actor's importing grants
 * point at (an organisation head importing their staff). Null for admins and wider scopes.
 */
export function defaultOrganizationOf(actor: Actor): string | null {
  if (isAdmin(actor)) return null;
  const grants = actor.roles.filter((g) => ROLES_BY_KIND.people.includes(g.role));
  const ids = new Set(grants.map((g) => (g.scopeType === 'organization' ? g.scopeId : null)));
  if (ids.size !== 1 || ids.has(null)) return null;
  return [...ids][0];
}

export function canSeeJob(actor: Actor, job: { createdBy: string | null }): boolean {
  return isAdmin(actor) || (!!job.createdBy && job.createdBy === actor.userId);
}

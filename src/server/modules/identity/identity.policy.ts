// Who may see and change accounts and grant roles. Pure functions over the actor and the place of a grant.
//   admin — everything; methodologist — reads users whose grants lie in their scope and invites people
//   to the roles below within that scope; nobody else sees users.
import {
  type Actor,
  grantCovers,
  hasAnyRole,
  isAdmin,
  type Place,
  type RoleGrant,
} from '../../platform/actor.js';
import type { Role, ScopeType } from './identity.tables.js';

/** Roles a methodologist may give when inviting somebody (only within the methodologist's own scope). */
export const METHODOLOGIST_GRANTABLE_ROLES: readonly Role[] = [
  'teacher',
  'organization_head',
  'mentor',
  'community_leader',
];

/**
 * Scope kinds each role may be granted at (through the API). An admin is always global: admin rights ignore
 * the scope, so a scoped admin grant would be misleading. Roles not listed may be granted at any scope.
 */
export const ROLE_SCOPE_TYPES: Partial<Record<Role, readonly ScopeType[]>> = {
  admin: ['global'],
  methodologist: ['region', 'municipality', 'organization'],
  organization_head: ['organization'],
};

export function roleFitsScope(role: Role, scopeType: ScopeType): boolean {
  const allowed = ROLE_SCOPE_TYPES[role];
  return !allowed || allowed.includes(scopeType);
}

export function canManageUsers(actor: Actor): boolean {
  return isAdmin(actor);
}

export function canViewUsers(actor: Actor): boolean {
  return isAdmin(actor) || hasAnyRole(actor, ['methodologist']);
}

export function canInvite(actor: Actor): boolean {
  return canViewUsers(actor);
}

/** The methodologist grants that bound what a non-admin may see; null = no bound (admin). */
export function viewScopesOf(actor: Actor): RoleGrant[] | null {
  if (isAdmin(actor)) return null;
  return actor.roles.filter((g) => g.role === 'methodologist');
}

/** May the actor give `grant`, which sits at `place` (the grant's scope with its parents)? */
export function canGiveGrant(actor: Actor, grant: { role: Role }, place: Place): boolean {
  if (isAdmin(actor)) return true;
  if (!METHODOLOGIST_GRANTABLE_ROLES.includes(grant.role)) return false;
  return actor.roles.some((g) => g.role === 'methodologist' && grantCovers(g, place));
}

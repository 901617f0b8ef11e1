// Who is asking: the signed-in user with their role assignments, and the access helpers every use case starts with.
import type { Role, ScopeType } from '../modules/identity/identity.tables.js';
import { CommonErrors } from './errors.js';

export type RoleGrant = { role: Role; scopeType: ScopeType; scopeId: string | null };

export type Actor = {
  userId: string;
  email: string;
  name: string;
  personId: string | null;
  roles: RoleGrant[];
};

/** Where a record sits, so that scoped grants can be checked against it. */
export type Place = {
  regionId?: string | null;
  municipalityId?: string | null;
  organizationId?: string | null;
  communityId?: string | null;
  eventId?: string | null;
};

export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) throw CommonErrors.UNAUTHENTICATED();
  return actor;
}

export function isAdmin(actor: Actor): boolean {
  return actor.roles.some((r) => r.role === 'admin');
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r.role));
}

export function grantCovers(g: RoleGrant, place: Place): boolean {
  switch (g.scopeType) {
    case 'global':
      return true;
    case 'region':
      return !!place.regionId && place.regionId === g.scopeId;
    case 'municipality':
      return !!place.municipalityId && place.municipalityId === g.scopeId;
    case 'organization':
      return !!place.organizationId && place.organizationId === g.scopeId;
    case 'community':
      return !!place.communityId && place.communityId === g.scopeId;
    case 'event':
      return !!place.eventId && place.eventId === g.scopeId;
  }
}

/** True when the actor holds one of `roles` with a scope that covers `place` (admin always does). */
export function holdsRoleAt(actor: Actor, roles: readonly Role[], place: Place): boolean {
  if (isAdmin(actor)) return true;
  return actor.roles.some((g) => roles.includes(g.role) && grantCovers(g, place));
}

export function forbid(): never {
  throw CommonErrors.FORBIDDEN();
}

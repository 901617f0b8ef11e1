// Who may read and change the directory. Pure functions over the actor and where a record sits.
import { type Actor, hasAnyRole, holdsRoleAt, isAdmin, type Place } from '../../platform/actor.js';

/** Where a directory record sits: its organisation (if any), municipality and region. */
export type DirectoryPlace = {
  organizationId: string | null;
  municipalityId: string | null;
  regionId: string | null;
};

export const NOWHERE: DirectoryPlace = { organizationId: null, municipalityId: null, regionId: null };

/** Any signed-in user holding at least one role may read the directory. */
export function canReadDirectory(actor: Actor): boolean {
  return actor.roles.length > 0;
}

/** Coarse check before any lookup: only these roles ever change the directory. */
export function mayWriteDirectory(actor: Actor): boolean {
  return hasAnyRole(actor, ['admin', 'methodologist', 'organization_head']);
}

/** Regions and municipalities are changed by administrators only. */
export function canManageGeography(actor: Actor): boolean {
  return isAdmin(actor);
}

function withoutOrganization(place: DirectoryPlace): Place {
  return { municipalityId: place.municipalityId, regionId: place.regionId };
}

/** Admin anywhere; methodologist whose region or municipality scope covers it (creating, moving, deleting). */
export function canManageOrganizationsIn(actor: Actor, place: DirectoryPlace): boolean {
  return holdsRoleAt(actor, ['methodologist'], withoutOrganization(place));
}

/** Editing an organisation's record: also a methodologist scoped to it and the head of that organisation. */
export function canEditOrganization(actor: Actor, place: DirectoryPlace): boolean {
  if (holdsRoleAt(actor, ['methodologist'], place)) return true;
  return (
    !!place.organizationId &&
    holdsRoleAt(actor, ['organization_head'], { organizationId: place.organizationId })
  );
}

/**
 * Creating, editing and deleting people at a place: admin anywhere; methodologist whose scope covers the
 * organisation, its municipality or region; the head of that organisation. People without an organisation: admin.
 */
export function canManagePeopleAt(actor: Actor, place: DirectoryPlace): boolean {
  return canEditOrganization(actor, place);
}

/** Phone and birth date: whoever manages people there, and the person themself. */
export function canSeePrivateFields(actor: Actor, personId: string, place: DirectoryPlace): boolean {
  if (actor.personId && actor.personId === personId) return true;
  return canManagePeopleAt(actor, place);
}

/** Whether an export may carry the private columns at all (rows are still filled per person). */
export function mayExportPrivateFields(actor: Actor): boolean {
  return mayWriteDirectory(actor);
}

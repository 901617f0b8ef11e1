// Who may change the directory from the interface. The server decides finally (and sends canEdit); this only hides buttons.
import type { Role } from '../../app/route-meta';
import type { RoleGrant } from '../../app/useMe';

/** Roles that may add and edit people (within their scope). */
export const DIRECTORY_WRITERS: Role[] = ['admin', 'methodologist', 'organization_head'];
/** Roles that may import people or organisations. */
export const IMPORTERS: Role[] = ['admin', 'methodologist', 'organization_head'];

const holds = (grants: RoleGrant[], wanted: Role[]) => grants.some((g) => wanted.includes(g.role));

export function mayAddPeople(grants: RoleGrant[]): boolean {
  return holds(grants, DIRECTORY_WRITERS);
}

/** Adding and deleting organisations: admins and methodologists (the server checks the scope). */
export function mayManageOrganizations(grants: RoleGrant[]): boolean {
  return holds(grants, ['admin', 'methodologist']);
}

// Who may change the directory from the interface. The server decides finally; this only hides buttons.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Role } from '../../app/route-meta';

type Grant = { role: string; scopeType?: string; scopeId?: string | null };

/** Roles that may add and edit people and organisations (within their scope). */
export const DIRECTORY_WRITERS: Role[] = ['admin', 'methodologist', 'organization_head'];
/** Roles that may import people or organisations. */
export const IMPORTERS: Role[] = ['admin', 'methodologist', 'organization_head'];

export function holdsAny(roles: Grant[] | undefined, wanted: Role[]): boolean {
  return !!roles?.some((r) => wanted.includes(r.role as Role));
}

export function mayWriteDirectory(roles: Grant[] | undefined): boolean {
  return holdsAny(roles, DIRECTORY_WRITERS);
}

export function mayManageOrganizations(roles: Grant[] | undefined): boolean {
  return holdsAny(roles, ['admin', 'methodologist']);
}

/** Edit an organisation's card: admins, methodologists (the server checks the scope), the head of that organisation. */
export function mayEditOrganization(roles: Grant[] | undefined, organizationId: string): boolean {
  return (
    holdsAny(roles, ['admin', 'methodologist']) ||
    !!roles?.some((r) => r.role === 'organization_head' && r.scopeId === organizationId)
  );
}

export function isAdmin(roles: Grant[] | undefined): boolean {
  return holdsAny(roles, ['admin']);
}

/** The signed-in user's role grants. */
export function useMyRoles(): Grant[] | undefined {
  const me = useQuery({
    queryKey: ['me'],
    queryFn: () => api.get<{ roles: Grant[] }>('/me'),
    staleTime: 60_000,
  });
  return me.data?.roles;
}

// Who is signed in: GET /api/me through TanStack Query, with role helpers for pages and navigation.
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../api/client';
import type { Role } from './route-meta';

export type ScopeType = 'global' | 'region' | 'municipality' | 'organization' | 'community' | 'event';
export type RoleGrant = { role: Role; scopeType: ScopeType; scopeId: string | null };
export type Me = { userId: string; email: string; name: string; personId: string | null; roles: RoleGrant[] };

/** Query key of the current user; invalidate it after sign-in/sign-out. */
export const ME_KEY = ['me'] as const;

/** Fetches the current user; resolves to null when nobody is signed in (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** True when `me` holds at least one of `roles` (in any scope). Literal: admin is not implied. */
export function meHasRole(me: Me | null | undefined, ...roles: Role[]): boolean {
  if (!me) return false;
  return me.roles.some((g) => roles.includes(g.role));
}

/**
 * The signed-in user.
 * - `me`: the user or null (anonymous); undefined while loading.
 * - `roles`: the distinct role names the user holds.
 * - `hasRole(...roles)`: true when the user holds any of them, e.g. `hasRole('admin', 'methodologist')`.
 * - `isAdmin`: shorthand for `hasRole('admin')`.
 */
export function useMe() {
  const query = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
  const me = query.data;
  const roles: Role[] = me ? [...new Set(me.roles.map((g) => g.role))] : [];
  return {
    me,
    roles,
    grants: me?.roles ?? [],
    isLoading: query.isLoading,
    error: query.error,
    refetch: query.refetch,
    hasRole: (...want: Role[]) => meHasRole(me, ...want),
    isAdmin: meHasRole(me, 'admin'),
  };
}

// Types and calls of the users, roles and invitations API.
import { api, type Page, type Query } from '../../api/client';
import type { Role } from '../../app/route-meta';
import type { GrantScopeType } from '../common/roles';

export type UserRole = {
  id: string;
  role: Role;
  scopeType: string;
  scopeId: string | null;
  scopeName: string | null;
};

export type User = {
  id: string;
  email: string;
  name: string;
  personId: string | null;
  disabled: boolean;
  createdAt: string;
  invitationPending: boolean;
  roles: UserRole[];
};

export type GrantInput = { role: Role; scopeType: GrantScopeType; scopeId: string | null };

export const usersApi = {
  list: (query: Query) => api.get<Page<User>>('/users', query),
  setDisabled: (id: string, disabled: boolean) => api.patch<User>(`/users/${id}`, { disabled }),
  putRoles: (id: string, grants: GrantInput[]) => api.put<User>(`/users/${id}/roles`, { grants }),
  invite: (body: { email: string; name: string; grants: GrantInput[] }) =>
    api.post<{ userId: string; invitationId: string }>('/invitations', body),
};

/** Form values of one grant row → the API's grant (global scope has no id). */
export function toGrantInput(g: {
  role: Role;
  scopeType: GrantScopeType;
  scopeId?: string | null;
}): GrantInput {
  return {
    role: g.role,
    scopeType: g.scopeType,
    scopeId: g.scopeType === 'global' ? null : (g.scopeId ?? null),
  };
}

// Role and scope names for people: «Методист (Муниципалитет: Заречный)».
import i18n from 'i18next';
import type { Role } from '../../app/route-meta';

/** All roles in the order they are offered in pickers. */
export const ROLES: Role[] = [
  'admin',
  'methodologist',
  'organization_head',
  'community_leader',
  'mentor',
  'teacher',
  'student',
  'guest',
];

export type GrantScopeType = 'global' | 'region' | 'municipality' | 'organization';

/** Scope kinds offered for a role in pickers (first = default); matches the server's identity policy. */
export const ROLE_SCOPES: Record<Role, GrantScopeType[]> = {
  admin: ['global'],
  methodologist: ['municipality', 'organization', 'region'],
  organization_head: ['organization'],
  community_leader: ['global', 'organization', 'municipality', 'region'],
  mentor: ['global', 'organization', 'municipality', 'region'],
  teacher: ['global', 'organization', 'municipality', 'region'],
  student: ['global', 'organization', 'municipality', 'region'],
  guest: ['global', 'organization', 'municipality', 'region'],
};

/** Roles a methodologist may give when inviting (within the methodologist's own scope). */
export const METHODOLOGIST_GRANTABLE_ROLES: Role[] = [
  'teacher',
  'organization_head',
  'mentor',
  'community_leader',
];

/** «Администратор», «Методист», … in the interface language. */
export function roleLabel(role: string): string {
  return i18n.t(`common:roles.${role}`, { defaultValue: role });
}

/** «Муниципалитет», «Организация», …; `global` gives «вся система». */
export function scopeTypeLabel(scopeType: string): string {
  return i18n.t(`common:scopes.${scopeType}`, { defaultValue: scopeType });
}

/** A grant for people: «Методист — Муниципалитет: Заречный»; a global grant is just the role. */
export function grantLabel(g: {
  role: string;
  scopeType: string;
  scopeName?: string | null;
  scopeId?: string | null;
}) {
  const role = roleLabel(g.role);
  if (g.scopeType === 'global') return role;
  return `${role} — ${scopeTypeLabel(g.scopeType)}: ${g.scopeName ?? g.scopeId ?? ''}`;
}

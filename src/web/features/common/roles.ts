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

/** Scope kinds a role may be granted in (first = default). */
export const ROLE_SCOPES: Record<
  Role,
  Array<'global' | 'region' | 'municipality' | 'organization' | 'community'>
> = {
  admin: ['global'],
  methodologist: ['municipality', 'organization', 'region'],
  organization_head: ['organization'],
  community_leader: ['community', 'global'],
  mentor: ['global', 'organization', 'municipality'],
  teacher: ['global', 'organization'],
  student: ['global', 'organization'],
  guest: ['global'],
};

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

// Request and response schemas of users, role grants and invitations.
import { z } from 'zod';
import { ZPageQuery } from '../../platform/pagination.js';
import { ROLES, SCOPE_TYPES } from './identity.tables.js';

export const ZGrantInput = z
  .object({
    role: z.enum(ROLES),
    scopeType: z.enum(SCOPE_TYPES).default('global'),
    scopeId: z.uuid().nullable().optional(),
  })
  .refine((g) => (g.scopeType === 'global') === !g.scopeId, {
    message: 'Для области «global» идентификатор не указывается; для остальных он обязателен',
    path: ['scopeId'],
  })
  .meta({ id: 'Grant' });
export type TGrantInput = z.infer<typeof ZGrantInput>;

export const ZUserRole = z
  .object({
    id: z.uuid(),
    role: z.enum(ROLES),
    scopeType: z.enum(SCOPE_TYPES),
    scopeId: z.string().nullable(),
    /** readable name of the region, municipality or organisation; null for global and unknown kinds */
    scopeName: z.string().nullable(),
  })
  .meta({ id: 'UserRole' });
export type TUserRole = z.infer<typeof ZUserRole>;

export const ZUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    personId: z.string().nullable(),
    disabled: z.boolean(),
    createdAt: z.string(),
    /** invited and has not set a password yet */
    invitationPending: z.boolean(),
    roles: z.array(ZUserRole),
  })
  .meta({ id: 'User' });
export type TUser = z.infer<typeof ZUser>;

export const ZUserIdParams = z.object({ id: z.uuid() });

export const ZUserListQuery = ZPageQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: z.enum(ROLES).optional(),
  sort: z.enum(['name', 'email', 'createdAt']).default('name'),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

export const ZUserPatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  disabled: z.boolean().optional(),
  personId: z.uuid().nullable().optional(),
});
export type TUserPatch = z.infer<typeof ZUserPatch>;

export const ZUserRolesPut = z.object({ grants: z.array(ZGrantInput).max(50) });
export type TUserRolesPut = z.infer<typeof ZUserRolesPut>;

export const ZInvitationCreate = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  personId: z.uuid().nullable().optional(),
  grants: z.array(ZGrantInput).min(1).max(20),
});
export type TInvitationCreate = z.infer<typeof ZInvitationCreate>;

export const ZInvitationCreated = z.object({ userId: z.string(), invitationId: z.uuid() });

export const ZInvitationCheckQuery = z.object({ token: z.string().trim().min(1).max(200) });

export const ZInvitationCheck = z.object({ email: z.string(), name: z.string() });

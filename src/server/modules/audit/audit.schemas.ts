// The audit log API: filters and the entry shape.
import { z } from 'zod';
import { ZPageQuery } from '../../platform/pagination.js';

const ZMoment = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .describe('Дата (YYYY-MM-DD, включительно) или момент времени ISO 8601');

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;

export const ZAuditQuery = ZPageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  entity: z.string().trim().min(1).max(100).optional().describe('Тип записи: person, organization, user…'),
  entityId: z.string().trim().min(1).max(200).optional(),
  actorUserId: z.string().trim().min(1).max(200).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: ZMoment.optional(),
  to: ZMoment.optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string().describe('Момент изменения, ISO 8601'),
    actorUserId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.enum(AUDIT_ACTIONS),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown().describe('Значения до изменения (null при создании)'),
    after: z.unknown().describe('Значения после изменения (null при удалении)'),
  })
  .meta({ id: 'AuditEntry' });
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

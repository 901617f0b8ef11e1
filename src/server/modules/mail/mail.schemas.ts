// Request and response schemas of the outbox API.
import { z } from 'zod';
import { ZPageQuery } from '../../platform/pagination.js';

export const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const;

export const ZOutboxQuery = ZPageQuery.extend({
  status: z.enum(MAIL_STATUSES).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['createdAt']).default('createdAt'),
  /** newest first unless asked otherwise */
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type TOutboxQuery = z.infer<typeof ZOutboxQuery>;

export const ZOutboxItem = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    kind: z.string(),
    status: z.enum(MAIL_STATUSES),
    attempts: z.number().int(),
    error: z.string().nullable(),
    /** file names of the attachments (rendered at delivery) */
    attachments: z.array(z.string()),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'OutboxItem' });
export type TOutboxItem = z.infer<typeof ZOutboxItem>;

export const ZOutboxMessage = ZOutboxItem.extend({
  text: z.string(),
  html: z.string().nullable(),
}).meta({ id: 'OutboxMessage' });
export type TOutboxMessage = z.infer<typeof ZOutboxMessage>;

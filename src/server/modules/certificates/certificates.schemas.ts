// Request and response shapes of the certificate routes.
import { z } from 'zod';
import { ZPageQuery } from '../../platform/pagination.js';
import { CERTIFICATE_ROLES } from './certificates.tables.js';

export const ZCertificateRole = z.enum(CERTIFICATE_ROLES);
export const ZCertificateStatus = z.enum(['valid', 'revoked']);

export const ZIssueBody = z
  .object({
    to: z.union([z.literal('attended'), z.object({ personIds: z.array(z.uuid()).min(1).max(5000) })]),
    role: ZCertificateRole.optional(),
  })
  .meta({ id: 'CertificateIssue' });
export type TIssueBody = z.infer<typeof ZIssueBody>;

export const ZCertificate = z
  .object({
    id: z.uuid(),
    number: z.string(),
    code: z.string(),
    eventId: z.uuid(),
    personId: z.uuid(),
    activityId: z.uuid().nullable(),
    role: ZCertificateRole,
    holderName: z.string(),
    holderNameDative: z.string(),
    gender: z.enum(['male', 'female']).nullable(),
    organizationName: z.string().nullable(),
    formTitle: z.string().nullable(),
    topic: z.string().nullable(),
    roleText: z.string(),
    eventTitle: z.string(),
    eventDates: z.string(),
    issuedAt: z.string(),
    status: ZCertificateStatus,
    revokedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
    replacesId: z.uuid().nullable(),
  })
  .meta({ id: 'Certificate' });
export type TCertificate = z.infer<typeof ZCertificate>;

export const ZIssueResult = z
  .object({ issued: z.number().int(), skipped: z.number().int(), items: z.array(ZCertificate) })
  .meta({ id: 'CertificateIssueResult' });

export const ZCertificateQuery = ZPageQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: ZCertificateRole.optional(),
  status: ZCertificateStatus.optional(),
  sort: z.enum(['number', 'holder', 'issuedAt']).default('number'),
});
export type TCertificateQuery = z.infer<typeof ZCertificateQuery>;

export const ZRevokeBody = z.object({ reason: z.string().trim().min(1).max(500) });
export const ZPatchBody = z.object({ holderNameDative: z.string().trim().min(2).max(300) });

export const ZPublicCertificate = z
  .object({
    number: z.string(),
    holderName: z.string(),
    eventTitle: z.string(),
    eventDates: z.string(),
    role: ZCertificateRole,
    formTitle: z.string().nullable(),
    topic: z.string().nullable(),
    issuedAt: z.string(),
    status: ZCertificateStatus,
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'PublicCertificate' });
export type TPublicCertificate = z.infer<typeof ZPublicCertificate>;

export const ZCodeParams = z.object({
  code: z
    .string()
    .min(10)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const ZSendStatus = z
  .object({
    status: z.enum(['idle', 'queued', 'running', 'done', 'failed']),
    total: z.number().int(),
    sent: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    message: z.string().nullable(),
  })
  .meta({ id: 'CertificateSendStatus' });
export type TSendStatus = z.infer<typeof ZSendStatus>;

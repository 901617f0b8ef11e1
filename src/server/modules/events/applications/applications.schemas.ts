// Request and response shapes of the applications (заявки) routes (S0-3, S0-4).
import { z } from 'zod';
import { ZPageQuery } from '../../../platform/pagination.js';
import { APPLICATION_STATUSES } from '../events.tables.js';

const ZText = (max: number) => z.string().trim().max(max);
const ZExtra = z.record(z.string().max(60), z.union([z.string().max(500), z.number()]));

export const ZApplicationStatus = z.enum(APPLICATION_STATUSES);

export const ZApplicationCreate = z.object({
  formId: z.uuid(),
  sectionId: z.uuid().nullish(),
  topic: ZText(500).min(1),
  annotation: ZText(5000).nullish(),
  durationMinutes: z.number().int().min(5).max(600).nullish(),
  expectedAudience: ZText(500).nullish(),
  audienceSize: z.number().int().min(1).max(10000).nullish(),
  equipment: ZText(2000).nullish(),
  roomNeeds: ZText(2000).nullish(),
  extra: ZExtra.default({}),
  coPresenterIds: z.array(z.uuid()).max(10).default([]),
  /** S2-4: the ИОП whose results are presented and its product (at a research-practice conference) */
  developmentPlanId: z.uuid().nullish(),
  product: ZText(2000).nullish(),
});
export type TApplicationCreate = z.infer<typeof ZApplicationCreate>;

export const ZApplicationUpdate = z.object({
  formId: z.uuid().optional(),
  sectionId: z.uuid().nullish(),
  topic: ZText(500).min(1).optional(),
  annotation: ZText(5000).nullish(),
  durationMinutes: z.number().int().min(5).max(600).nullish(),
  expectedAudience: ZText(500).nullish(),
  audienceSize: z.number().int().min(1).max(10000).nullish(),
  equipment: ZText(2000).nullish(),
  roomNeeds: ZText(2000).nullish(),
  extra: ZExtra.optional(),
  coPresenterIds: z.array(z.uuid()).max(10).optional(),
  developmentPlanId: z.uuid().nullish(),
  product: ZText(2000).nullish(),
});
export type TApplicationUpdate = z.infer<typeof ZApplicationUpdate>;

export const ZApplicationQuery = ZPageQuery.extend({
  status: ZApplicationStatus.optional(),
  formId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  sectionId: z.uuid().optional(),
});
export type TApplicationQuery = z.infer<typeof ZApplicationQuery>;

const ZNamed = z.object({ id: z.uuid(), name: z.string() });

export const ZApplication = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    eventTitle: z.string(),
    applicant: ZNamed,
    organization: ZNamed.nullable(),
    form: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
    sectionId: z.uuid().nullable(),
    sectionTitle: z.string().nullable(),
    developmentPlanId: z.uuid().nullable(),
    product: z.string().nullable(),
    topic: z.string(),
    annotation: z.string().nullable(),
    durationMinutes: z.number().int().nullable(),
    expectedAudience: z.string().nullable(),
    audienceSize: z.number().int().nullable(),
    equipment: z.string().nullable(),
    roomNeeds: z.string().nullable(),
    extra: z.record(z.string(), z.unknown()),
    coPresenters: z.array(ZNamed),
    status: ZApplicationStatus,
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    canEdit: z.boolean(),
    canReview: z.boolean(),
    canComment: z.boolean(),
  })
  .meta({ id: 'Application' });
export type TApplication = z.infer<typeof ZApplication>;

export const ZReview = z.object({
  decision: z.enum(['accept', 'reject', 'request_changes']),
  comment: ZText(5000).nullish(),
});
export type TReview = z.infer<typeof ZReview>;

export const ZComment = z
  .object({
    id: z.uuid(),
    authorName: z.string(),
    body: z.string(),
    decision: z.enum(['accept', 'reject', 'request_changes']).nullable(),
    at: z.string(),
    mine: z.boolean(),
  })
  .meta({ id: 'ApplicationComment' });
export const ZCommentCreate = z.object({ body: ZText(5000).min(1) });

// Request and response shapes of /api/events, /api/public/events and /api/activity-forms.
import { z } from 'zod';
import { isAcademicYearCode } from '../../../shared/academic-year.js';
import { ZPageQuery, ZQueryFlag } from '../../platform/pagination.js';
import { EVENT_KINDS, EVENT_STATUSES } from './events.tables.js';

const ZDate = z.iso.date();
const ZText = (max: number) => z.string().trim().max(max);

export const ZEventKind = z.enum(EVENT_KINDS);
export const ZEventStatus = z.enum(EVENT_STATUSES);
const ZCapsPerForm = z.record(z.string().min(1).max(60), z.number().int().min(1).max(1000));

export const ZEventCreate = z.object({
  kind: ZEventKind,
  title: ZText(300).min(1),
  theme: ZText(500).nullish(),
  description: ZText(10000).nullish(),
  hostOrganizationId: z.uuid(),
  startDate: ZDate,
  endDate: ZDate,
  venue: ZText(500).nullish(),
  audienceOrganizationIds: z.array(z.uuid()).max(1000).default([]),
  audienceMunicipalityIds: z.array(z.uuid()).max(200).default([]),
  capPerOrganization: z.number().int().min(1).max(1000).nullish(),
  capsPerForm: ZCapsPerForm.optional(),
});
export type TEventCreate = z.infer<typeof ZEventCreate>;

export const ZEventUpdate = z.object({
  kind: ZEventKind.optional(),
  title: ZText(300).min(1).optional(),
  theme: ZText(500).nullish(),
  description: ZText(10000).nullish(),
  hostOrganizationId: z.uuid().optional(),
  startDate: ZDate.optional(),
  endDate: ZDate.optional(),
  venue: ZText(500).nullish(),
  audienceOrganizationIds: z.array(z.uuid()).max(1000).optional(),
  audienceMunicipalityIds: z.array(z.uuid()).max(200).optional(),
  capPerOrganization: z.number().int().min(1).max(1000).nullish(),
  capsPerForm: ZCapsPerForm.optional(),
  /** closing the call, completing, cancelling */
  status: z.enum(['call_closed', 'completed', 'cancelled']).optional(),
});
export type TEventUpdate = z.infer<typeof ZEventUpdate>;

export const ZEventQuery = ZPageQuery.extend({
  kind: ZEventKind.optional(),
  status: ZEventStatus.optional(),
  year: z
    .string()
    .refine(isAcademicYearCode, 'учебный год в виде 2026/2027')
    .optional()
    .describe('учебный год, например 2026/2027'),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['startDate', 'title']).default('startDate'),
  managed: ZQueryFlag.describe('только мероприятия, которыми управляет пользователь'),
  current: ZQueryFlag.describe('только не завершившиеся и не отменённые (дата окончания сегодня или позже)'),
  openForApplications: ZQueryFlag.describe('только с открытым сегодня приёмом заявок'),
});
export type TEventQuery = z.infer<typeof ZEventQuery>;

export const ZEventListItem = z
  .object({
    id: z.uuid(),
    kind: ZEventKind,
    title: z.string(),
    theme: z.string().nullable(),
    hostOrganizationId: z.uuid(),
    hostOrganizationName: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    venue: z.string().nullable(),
    status: ZEventStatus,
    academicYear: z.string(),
    canManage: z.boolean(),
    applicationsOpenFrom: z.string().nullable(),
    applicationsOpenUntil: z.string().nullable(),
    /** the call is published and today is inside its window */
    applicationsOpen: z.boolean(),
  })
  .meta({ id: 'EventListItem' });

export const ZNextSessionDue = z
  .object({ academicYear: z.string(), lastSessionStart: z.string(), message: z.string() })
  .nullable();

export const ZEventList = z.object({
  items: z.array(ZEventListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  nextPedagogicalSessionDue: ZNextSessionDue,
});

export const ZApprovalBody = z.enum(['education_committee', 'methodological_centre']);
export const ZApproval = z.object({
  body: ZApprovalBody,
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().nullable(),
  approvedByName: z.string(),
  at: z.string(),
});

export const ZEvent = ZEventListItem.extend({
  description: z.string().nullable(),
  durationDays: z.number().int(),
  audienceOrganizations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  audienceMunicipalities: z.array(z.object({ id: z.uuid(), name: z.string() })),
  conditions: z.string().nullable(),
  procedure: z.string().nullable(),
  capPerOrganization: z.number().int().nullable(),
  capsPerForm: z.record(z.string(), z.number().int()),
  approvals: z.array(ZApproval),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'Event' });
export type TEvent = z.infer<typeof ZEvent>;

export const ZApproveBody = z.object({
  body: ZApprovalBody,
  decision: z.enum(['approved', 'rejected']).default('approved'),
  comment: ZText(2000).nullish(),
});
export type TApproveBody = z.infer<typeof ZApproveBody>;

export const ZPublishCall = z.object({
  conditions: ZText(20000).min(1),
  procedure: ZText(20000).min(1),
  applicationsOpenFrom: ZDate,
  applicationsOpenUntil: ZDate,
  capPerOrganization: z.number().int().min(1).max(1000).nullish(),
  capsPerForm: ZCapsPerForm.optional(),
});
export type TPublishCall = z.infer<typeof ZPublishCall>;

export const ZPublicEvent = z
  .object({
    id: z.uuid(),
    kind: ZEventKind,
    title: z.string(),
    theme: z.string().nullable(),
    description: z.string().nullable(),
    status: ZEventStatus,
    startDate: z.string(),
    endDate: z.string(),
    venue: z.string().nullable(),
    hostOrganizationName: z.string(),
    hostOrganizationAddress: z.string().nullable(),
    conditions: z.string().nullable(),
    procedure: z.string().nullable(),
    applicationsOpenFrom: z.string().nullable(),
    applicationsOpenUntil: z.string().nullable(),
    applicationsOpen: z.boolean(),
    schedulePublished: z.boolean(),
    /** sections of a research-practice conference (S2-4), in title order */
    sections: z.array(z.object({ title: z.string(), subject: z.string().nullable() })),
  })
  .meta({ id: 'PublicEvent' });

const ZFormField = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/),
  label: z.string().min(1).max(200),
  type: z.enum(['text', 'number', 'select']),
  options: z.array(z.string().min(1).max(200)).max(100).optional(),
  required: z.boolean().optional(),
});

export const ZActivityForm = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    certificatePhrase: z.string().nullable(),
    fields: z.array(ZFormField),
    active: z.boolean(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'ActivityForm' });

export const ZActivityFormQuery = ZPageQuery.extend({
  includeInactive: ZQueryFlag,
});
export const ZActivityFormCreate = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'латинские строчные буквы, цифры и «_»'),
  title: ZText(200).min(1),
  certificatePhrase: ZText(300).nullish(),
  fields: z.array(ZFormField).max(30).default([]),
  active: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(10000).default(500),
});
export type TActivityFormCreate = z.infer<typeof ZActivityFormCreate>;
export const ZActivityFormUpdate = z.object({
  title: ZText(200).min(1).optional(),
  certificatePhrase: ZText(300).nullish(),
  fields: z.array(ZFormField).max(30).optional(),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
});
export type TActivityFormUpdate = z.infer<typeof ZActivityFormUpdate>;

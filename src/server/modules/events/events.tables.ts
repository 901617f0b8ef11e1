// Events (S0): the event with its approvals and audience, the call for applications, the schedule
// (rooms × activities), registrations and attendance, staff, consultations, feedback and materials.
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ApplicationStatus, EventKind, EventStatus } from '../../../shared/events.js';
import { storedFile } from '../../platform/platform.tables.js';
import { municipality, organization, person } from '../directory/directory.tables.js';
import { user } from '../identity/identity.tables.js';

const ts = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  EVENT_KINDS,
  EVENT_STATUSES,
  type EventKind,
  type EventStatus,
} from '../../../shared/events.js';

export const event = pgTable(
  'event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<EventKind>().notNull(),
    title: text('title').notNull(),
    theme: text('theme'),
    description: text('description'),
    hostOrganizationId: uuid('host_organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'restrict' }),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    venue: text('venue'),
    status: text('status').$type<EventStatus>().notNull().default('draft'),
    /** the published call: conditions, procedure, application window */
    conditions: text('conditions'),
    procedure: text('procedure'),
    applicationsOpenFrom: date('applications_open_from'),
    applicationsOpenUntil: date('applications_open_until'),
    /** optional caps: accepted applications per organisation, and per activity form code */
    capPerOrganization: integer('cap_per_organization'),
    capsPerForm: jsonb('caps_per_form').$type<Record<string, number>>().notNull().default({}),
    schedulePublished: boolean('schedule_published').notNull().default(false),
    /** the conclusion of the final report (S0-8), written by the organisers */
    reportConclusion: text('report_conclusion'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    ...ts(),
  },
  (t) => [index('event_start_idx').on(t.startDate), index('event_host_idx').on(t.hostOrganizationId)],
);

/** Who approved the dates: the education committee and the methodological centre (S0-1). */
export const eventApproval = pgTable(
  'event_approval',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    body: text('body').$type<'education_committee' | 'methodological_centre'>().notNull(),
    decision: text('decision').$type<'approved' | 'rejected'>().notNull(),
    comment: text('comment'),
    approvedBy: text('approved_by').references(() => user.id, { onDelete: 'set null' }),
    approvedByName: text('approved_by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_approval_event_idx').on(t.eventId)],
);

/** Invited organisations and municipalities (a municipality invites all its organisations). */
export const eventAudience = pgTable(
  'event_audience',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id').references(() => municipality.id, { onDelete: 'cascade' }),
  },
  (t) => [index('event_audience_event_idx').on(t.eventId)],
);

/** Sections by subject for a research-practice conference (НПК). */
export const eventSection = pgTable(
  'event_section',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    subject: text('subject'),
  },
  (t) => [index('event_section_event_idx').on(t.eventId)],
);

export type FormField = {
  key: string;
  label: string;
  type: 'text' | 'number' | 'select';
  options?: string[];
  required?: boolean;
};

/** Catalogue of activity forms (S0-10); admins extend it; a form may ask its own fields. */
export const activityForm = pgTable('activity_form', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  /** the verb phrase for certificates: «провела мастер-класс» → verb 'провести', noun 'мастер-класс' */
  certificatePhrase: text('certificate_phrase'),
  fields: jsonb('fields').$type<FormField[]>().notNull().default([]),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  ...ts(),
});

export const application = pgTable(
  'application',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    applicantPersonId: uuid('applicant_person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
    applicantUserId: text('applicant_user_id').references(() => user.id, { onDelete: 'set null' }),
    /** the applicant's organisation when applying (heads see their organisation's applications) */
    organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'set null' }),
    formId: uuid('form_id')
      .notNull()
      .references(() => activityForm.id, { onDelete: 'restrict' }),
    sectionId: uuid('section_id').references(() => eventSection.id, { onDelete: 'set null' }),
    topic: text('topic').notNull(),
    annotation: text('annotation'),
    durationMinutes: integer('duration_minutes'),
    expectedAudience: text('expected_audience'),
    audienceSize: integer('audience_size'),
    equipment: text('equipment'),
    roomNeeds: text('room_needs'),
    /** answers to the form's own fields (e.g. grade and subject for an open lesson) */
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
    /** S2-4: the individual development plan (ИОП) whose results are presented; the growth module adds the FK */
    developmentPlanId: uuid('development_plan_id'),
    /** S2-4: the plan's product presented (a programme, a methodical development, …) */
    product: text('product'),
    status: text('status').$type<ApplicationStatus>().notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by').references(() => user.id, { onDelete: 'set null' }),
    ...ts(),
  },
  (t) => [
    index('application_event_idx').on(t.eventId, t.status),
    index('application_applicant_idx').on(t.applicantPersonId),
    index('application_org_idx').on(t.organizationId),
  ],
);

/** Co-presenters of an application (the applicant is the first presenter and is not repeated here). */
export const applicationPresenter = pgTable(
  'application_presenter',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => application.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.personId] })],
);

export const applicationComment = pgTable(
  'application_comment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => application.id, { onDelete: 'cascade' }),
    authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    /** set when the comment came with a review decision */
    decision: text('decision').$type<'accept' | 'reject' | 'request_changes'>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_comment_app_idx').on(t.applicationId)],
);

export const applicationAttachment = pgTable(
  'application_attachment',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => application.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.fileId] })],
);

export const room = pgTable(
  'room',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    capacity: integer('capacity'),
    equipment: text('equipment'),
  },
  (t) => [uniqueIndex('room_event_name').on(t.eventId, t.name)],
);

/** One item of the schedule: a placed application or an organiser's item (opening, break, plenary). */
export const activity = pgTable(
  'activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').references(() => application.id, { onDelete: 'set null' }),
    formId: uuid('form_id').references(() => activityForm.id, { onDelete: 'restrict' }),
    sectionId: uuid('section_id').references(() => eventSection.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    topic: text('topic'),
    roomId: uuid('room_id').references(() => room.id, { onDelete: 'restrict' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** registrations beyond it go to the waiting list; null = the room's capacity, else unlimited */
    capacity: integer('capacity'),
    ...ts(),
  },
  (t) => [
    uniqueIndex('activity_application_unique').on(t.applicationId),
    index('activity_event_time_idx').on(t.eventId, t.startsAt),
    index('activity_room_idx').on(t.roomId),
  ],
);

export const activityPresenter = pgTable(
  'activity_presenter',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activity.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.personId] }),
    index('activity_presenter_person_idx').on(t.personId),
  ],
);

export const registration = pgTable(
  'registration',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activity.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
    status: text('status').$type<'registered' | 'waitlisted' | 'cancelled'>().notNull().default('registered'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registration_unique').on(t.activityId, t.personId),
    index('registration_person_idx').on(t.personId),
  ],
);

export const attendance = pgTable(
  'attendance',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activity.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
    method: text('method').$type<'manual' | 'qr'>().notNull().default('manual'),
    markedBy: text('marked_by').references(() => user.id, { onDelete: 'set null' }),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.personId] }), index('attendance_person_idx').on(t.personId)],
);

export const STAFF_DUTIES = ['technical', 'artistic', 'musical', 'operational'] as const;
export type StaffDuty = (typeof STAFF_DUTIES)[number];

export const staffAssignment = pgTable(
  'staff_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    activityId: uuid('activity_id').references(() => activity.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
    duty: text('duty').$type<StaffDuty>().notNull(),
    notes: text('notes'),
  },
  (t) => [index('staff_assignment_event_idx').on(t.eventId)],
);

export const consultation = pgTable(
  'consultation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    requesterPersonId: uuid('requester_person_id').references(() => person.id, { onDelete: 'set null' }),
    organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    question: text('question'),
    consultantPersonId: uuid('consultant_person_id').references(() => person.id, { onDelete: 'set null' }),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    status: text('status')
      .$type<'requested' | 'assigned' | 'done' | 'cancelled'>()
      .notNull()
      .default('requested'),
    ...ts(),
  },
  (t) => [index('consultation_event_idx').on(t.eventId)],
);

export type FeedbackCriterion = { key: string; label: string; min: number; max: number };

/** Feedback form templates: eventId null = the default template; scope says what it asks about. */
export const feedbackForm = pgTable('feedback_form', {
  id: uuid('id').primaryKey().defaultRandom(),
  eventId: uuid('event_id').references(() => event.id, { onDelete: 'cascade' }),
  scope: text('scope').$type<'activity' | 'event'>().notNull(),
  title: text('title').notNull(),
  criteria: jsonb('criteria').$type<FeedbackCriterion[]>().notNull(),
  askComment: boolean('ask_comment').notNull().default(true),
  ...ts(),
});

export const feedbackResponse = pgTable(
  'feedback_response',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formId: uuid('form_id')
      .notNull()
      .references(() => feedbackForm.id, { onDelete: 'restrict' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    activityId: uuid('activity_id').references(() => activity.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one response per person per activity, and one per person for the event as a whole
    uniqueIndex('feedback_response_activity_unique')
      .on(t.activityId, t.personId)
      .where(sql`${t.activityId} is not null`),
    uniqueIndex('feedback_response_event_unique')
      .on(t.eventId, t.personId)
      .where(sql`${t.activityId} is null`),
  ],
);

export const MATERIAL_CATEGORIES = [
  'final_report',
  'talks',
  'lesson_notes',
  'presentations',
  'registration_lists',
  'feedback_forms',
  'photos',
  'other',
] as const;
export type MaterialCategory = (typeof MATERIAL_CATEGORIES)[number];

/** The event's materials folder (папка-накопитель, S0-13). */
export const eventMaterial = pgTable(
  'event_material',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    category: text('category').$type<MaterialCategory>().notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    activityId: uuid('activity_id').references(() => activity.id, { onDelete: 'set null' }),
    generated: boolean('generated').notNull().default(false),
    uploadedBy: text('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_material_event_idx').on(t.eventId, t.category)],
);

export const SPEAKER_KINDS = ['leading_teacher', 'veteran', 'contest_winner', 'social_partner'] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

/** People marked as invited speakers or partners (S3-6). */
export const invitedSpeaker = pgTable(
  'invited_speaker',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<SpeakerKind>().notNull(),
    note: text('note'),
    eventId: uuid('event_id').references(() => event.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invited_speaker_person_idx').on(t.personId)],
);

/** A secret per user for the personal iCalendar feed (/api/me/calendar.ics?token=…). */
export const calendarToken = pgTable('calendar_token', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  token: text('token').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

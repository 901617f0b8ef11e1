// Certificates (S0-12): a registry with yearly sequential numbers and unguessable verification codes.
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { person } from '../directory/directory.tables.js';
import { activity, event } from '../events/events.tables.js';
import { user } from '../identity/identity.tables.js';

export const CERTIFICATE_ROLES = ['presenter', 'listener', 'staff', 'organizer'] as const;
export type CertificateRole = (typeof CERTIFICATE_ROLES)[number];

export const certificate = pgTable(
  'certificate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    /** `2026-000123` */
    number: text('number').notNull().unique(),
    /** unguessable, for /verify/{code} */
    code: text('code').notNull().unique(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'restrict' }),
    activityId: uuid('activity_id').references(() => activity.id, { onDelete: 'set null' }),
    role: text('role').$type<CertificateRole>().notNull(),
    /** what the certificate says, frozen at issue time */
    holderName: text('holder_name').notNull(),
    holderNameDative: text('holder_name_dative').notNull(),
    gender: text('gender').$type<'male' | 'female'>(),
    organizationName: text('organization_name'),
    formTitle: text('form_title'),
    topic: text('topic'),
    eventTitle: text('event_title').notNull(),
    eventDates: text('event_dates').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: text('issued_by').references(() => user.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    /** the certificate this one reissues */
    replacesId: uuid('replaces_id'),
  },
  (t) => [
    uniqueIndex('certificate_year_seq').on(t.year, t.seq),
    index('certificate_person_idx').on(t.personId),
    index('certificate_event_idx').on(t.eventId),
  ],
);

/** Progress of e-mailing an event's certificates (one row per event, the latest run). */
export const certificateMailing = pgTable('certificate_mailing', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => event.id, { onDelete: 'cascade' }),
  status: text('status').$type<'queued' | 'running' | 'done' | 'failed'>().notNull(),
  total: integer('total').notNull().default(0),
  sent: integer('sent').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  message: text('message'),
  startedBy: text('started_by').references(() => user.id, { onDelete: 'set null' }),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

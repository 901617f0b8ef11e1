// Cross-cutting records: the audit log, stored files, outgoing mail and import jobs.
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const auditEntry = pgTable(
  'audit_entry',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: text('actor_user_id'),
    actorName: text('actor_name'),
    action: text('action').$type<'create' | 'update' | 'delete'>().notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_entry_at_idx').on(t.at),
    index('audit_entry_entity_idx').on(t.entity, t.entityId),
    index('audit_entry_actor_idx').on(t.actorUserId),
  ],
);

export const storedFile = pgTable('file', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  ownerUserId: text('owner_user_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An attachment named by reference; its bytes are produced when the message is delivered. */
export type MailAttachmentRef = { provider: string; ref: string; filename: string };

export const mailMessage = pgTable(
  'mail_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    kind: text('kind').notNull().default('generic'),
    status: text('status').$type<'queued' | 'sent' | 'failed'>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    emlPath: text('eml_path'),
    /** attachments rendered at delivery by a registered provider, e.g. `{ provider: 'certificate', ref: id }` */
    attachments: jsonb('attachments').$type<MailAttachmentRef[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_message_created_idx').on(t.createdAt)],
);

export type ImportError = { row: number; column: string | null; message: string };

export const importJob = pgTable('import_job', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<'people' | 'organizations'>().notNull(),
  fileName: text('file_name').notNull(),
  dryRun: boolean('dry_run').notNull().default(false),
  status: text('status').$type<'queued' | 'running' | 'done' | 'failed'>().notNull().default('queued'),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  created: integer('created').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  errors: jsonb('errors').$type<ImportError[]>().notNull().default([]),
  message: text('message'),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

// Schemas of the import API: the job, the list query, the upload form (for the docs).
import { z } from 'zod';
import { ZPageQuery } from '../../platform/pagination.js';
import { IMPORT_KINDS } from './imports.columns.js';

export const ZImportError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});

export const ZImportJob = z
  .object({
    id: z.uuid(),
    kind: z.enum(IMPORT_KINDS),
    fileName: z.string(),
    dryRun: z.boolean(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    total: z.number().int(),
    processed: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
    errors: z.array(ZImportError),
    message: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' });
export type TImportJob = z.infer<typeof ZImportJob>;

export const ZImportListQuery = ZPageQuery.extend({
  sort: z.enum(['createdAt']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  kind: z.enum(IMPORT_KINDS).optional(),
  status: z.enum(['queued', 'running', 'done', 'failed']).optional(),
});
export type TImportListQuery = z.infer<typeof ZImportListQuery>;

const boolField = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no', ''])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'on' || v === 'yes');

/** The multipart form fields (the file travels beside them). */
export const ZImportFields = z.object({
  kind: z.enum(IMPORT_KINDS),
  dryRun: boolField.default(false),
});

/** For the OpenAPI document only: multipart bodies are read as a stream, not validated as JSON. */
export const ZImportUploadDoc = z.object({
  kind: z.enum(IMPORT_KINDS).describe('people — педагоги, organizations — организации'),
  dryRun: z.enum(['true', 'false']).optional().describe('true — только проверить, ничего не записывать'),
  file: z
    .string()
    .meta({ format: 'binary' })
    .describe('XLSX или CSV (UTF-8 или Windows-1251, разделитель «;» или «,»)'),
});

export const ZTemplateParams = z.object({
  template: z.string().describe('people.xlsx, people.csv, organizations.xlsx или organizations.csv'),
});

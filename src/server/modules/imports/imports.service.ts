// Import use cases: templates, starting a job from an upload (processed in the background of this process),
// job progress and the list, and the CLI import that runs the same pipeline as an admin-level system actor.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
import { type Actor, forbid, isAdmin, requireActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { CommonErrors } from '../../platform/errors.js';
import { offsetOf } from '../../platform/pagination.js';
import type { ImportError } from '../../platform/platform.tables.js';
import type { ImportKind } from './imports.columns.js';
import { ImportErrors } from './imports.errors.js';
import { canSeeJob, canStartImport, canUseImports } from './imports.policy.js';
import { type AuditBy, type ImportCounts, type ImportOutcome, runImport } from './imports.processor.js';
import { countLines, type Detected, detectImportFormat } from './imports.readers.js';
import {
  findImportJob,
  type ImportJobRow,
  insertImportJob,
  listImportJobs,
  updateImportJob,
} from './imports.repository.js';
import { type TImportJob, type TImportListQuery, ZImportFields } from './imports.schemas.js';
import {
  type TemplateFormat,
  templateCsv,
  templateFileName,
  templateMime,
  templateXlsx,
} from './imports.templates.js';

const UNSUPPORTED = () => CommonErrors.UNSUPPORTED_FILE({ expected: 'XLSX или CSV' });

export function toJobView(j: Omit<ImportJobRow, 'createdBy'> & { createdBy?: string | null }): TImportJob {
  return {
    id: j.id,
    kind: j.kind,
    fileName: j.fileName,
    dryRun: j.dryRun,
    status: j.status,
    total: j.total,
    processed: j.processed,
    created: j.created,
    updated: j.updated,
    unchanged: j.unchanged,
    skipped: j.skipped,
    errors: j.errors ?? [],
    message: j.message,
    createdAt: new Date(j.createdAt).toISOString(),
    finishedAt: j.finishedAt ? new Date(j.finishedAt).toISOString() : null,
  };
}

// ── templates ──

export async function getImportTemplate(
  actorIn: Actor | null,
  template: string,
): Promise<{ body: Buffer; fileName: string; mime: string }> {
  const actor = requireActor(actorIn);
  if (!canUseImports(actor)) forbid();
  const m = /^(people|organizations)\.(xlsx|csv)$/.exec(template);
  if (!m) throw ImportErrors.IMPORT_TEMPLATE_NOT_FOUND();
  const kind = m[1] as ImportKind;
  const format = m[2] as TemplateFormat;
  return {
    body: format === 'xlsx' ? await templateXlsx(kind) : templateCsv(kind),
    fileName: templateFileName(kind, format),
    mime: templateMime(format),
  };
}

// ── jobs: start, follow, list ──

const running = new Set<Promise<unknown>>();

/** Resolves when every import started in this process has finished (tests, graceful shutdown). */
export async function settleImports(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}

function isMultipartLimit(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT';
}

/**
 * POST /api/imports: streams the uploaded file to <dataDir>/tmp, checks its type by content, records the job
 * and starts processing it without waiting. Access is checked before the body is read.
 */
export async function startImportUpload(
  ctx: AppContext,
  actorIn: Actor | null,
  parts: AsyncIterable<Multipart>,
): Promise<TImportJob> {
  const actor = requireActor(actorIn);
  if (!canUseImports(actor)) forbid();
  const tmpDir = path.join(ctx.config.dataDir, 'tmp');
  await fs.promises.mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, `import-${randomUUID()}`);
  const limitMb = Math.round((ctx.config.uploadMaxBytes / 1024 / 1024) * 10) / 10;
  let keep = false;
  try {
    const fields: Record<string, string> = {};
    let fileName: string | null = null;
    try {
      for await (const part of parts) {
        if (part.type === 'field') {
          fields[part.fieldname] = String(part.value ?? '');
          continue;
        }
        if (part.fieldname !== 'file' || fileName !== null) {
          part.file.resume();
          continue;
        }
        fileName = path.basename(part.filename || 'file');
        await pipeline(part.file, fs.createWriteStream(tmp));
        if (part.file.truncated) throw CommonErrors.PAYLOAD_TOO_LARGE({ limitMb });
      }
    } catch (e) {
      if (isMultipartLimit(e)) throw CommonErrors.PAYLOAD_TOO_LARGE({ limitMb });
      throw e;
    }
    const parsed = ZImportFields.safeParse(fields);
    if (!parsed.success)
      throw CommonErrors.VALIDATION_FAILED(
        {},
        parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
      );
    const { kind, dryRun } = parsed.data;
    if (!canStartImport(actor, kind)) forbid();
    if (fileName === null) throw ImportErrors.IMPORT_FILE_MISSING();
    if ((await fs.promises.stat(tmp)).size === 0) throw ImportErrors.IMPORT_FILE_EMPTY();
    const detected = await detectImportFormat(tmp);
    if (!detected) throw UNSUPPORTED();
    const job = await insertImportJob(ctx.db, { kind, fileName, dryRun, createdBy: actor.userId });
    keep = true;
    const task = runImportJob(
      ctx,
      job,
      actor,
      { userId: actor.userId, name: actor.name },
      tmp,
      detected,
      true,
    )
      .catch(() => undefined)
      .finally(() => running.delete(task));
    running.add(task);
    return toJobView(job);
  } finally {
    if (!keep) await fs.promises.rm(tmp, { force: true });
  }
}

/** Runs one job to the end, keeping its row up to date; never throws for bad data (the job says what failed). */
async function runImportJob(
  ctx: AppContext,
  job: ImportJobRow,
  actor: Actor,
  auditBy: AuditBy,
  file: string,
  detected: NonNullable<Detected>,
  removeFile: boolean,
  onProgress?: (c: ImportCounts) => void,
): Promise<ImportOutcome> {
  try {
    const expectedTotal = detected.format === 'csv' ? await countLines(file) : 0;
    await updateImportJob(ctx.db, job.id, { status: 'running', total: expectedTotal });
    const outcome = await runImport({
      ctx,
      actor,
      auditBy,
      kind: job.kind,
      file,
      detected,
      dryRun: job.dryRun,
      expectedTotal,
      onProgress: async (c, errors: ImportError[]) => {
        onProgress?.(c);
        await updateImportJob(ctx.db, job.id, { ...c, status: 'running', errors: [...errors] });
      },
    });
    const { errorCount: _n, ...stored } = outcome;
    await updateImportJob(ctx.db, job.id, { ...stored, finishedAt: new Date() });
    return outcome;
  } catch (e) {
    const message = `Импорт прерван: ${readable(e)}`;
    await updateImportJob(ctx.db, job.id, { status: 'failed', message, finishedAt: new Date() }).catch(
      () => {},
    );
    return {
      total: 0,
      processed: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      status: 'failed',
      errors: [],
      errorCount: 0,
      message,
    };
  } finally {
    if (removeFile) await fs.promises.rm(file, { force: true }).catch(() => {});
  }
}

function readable(e: unknown): string {
  const m = (e as Error)?.message ?? String(e);
  if (/zip|end of central directory|invalid signature|corrupt/i.test(m))
    return 'файл повреждён или не является книгой Excel.';
  return m;
}

export async function getImportJob(ctx: AppContext, actorIn: Actor | null, id: string): Promise<TImportJob> {
  const actor = requireActor(actorIn);
  if (!canUseImports(actor)) forbid();
  const job = await findImportJob(ctx.db, id);
  if (!job || !canSeeJob(actor, job)) throw ImportErrors.IMPORT_NOT_FOUND();
  return toJobView(job);
}

export async function listImports(ctx: AppContext, actorIn: Actor | null, q: TImportListQuery) {
  const actor = requireActor(actorIn);
  if (!canUseImports(actor)) forbid();
  const { rows, total } = await listImportJobs(
    ctx.db,
    { createdBy: isAdmin(actor) ? undefined : actor.userId, kind: q.kind, status: q.status },
    { limit: q.pageSize, offset: offsetOf(q), order: q.order },
  );
  return { items: rows.map(toJobView), total, page: q.page, pageSize: q.pageSize };
}

// ── CLI ──

/** The CLI acts with admin rights; its audit entries name it instead of a user. */
export const CLI_ACTOR: Actor = {
  userId: 'cli',
  email: '',
  name: 'Командная строка',
  personId: null,
  roles: [{ role: 'admin', scopeType: 'global', scopeId: null }],
};
const CLI_AUDIT: AuditBy = { userId: null, name: 'импорт из командной строки' };

/** `rost import people|organizations FILE [--dry-run]`: progress to stderr, a summary to stdout; false on errors. */
export async function importFromCli(
  ctx: AppContext,
  kind: ImportKind,
  file: string,
  dryRun: boolean,
  out: { log: (m: string) => void; progress: (m: string) => void } = {
    log: (m) => console.log(m),
    progress: (m) => console.error(m),
  },
): Promise<boolean> {
  const abs = path.resolve(file);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isFile())
    throw ImportErrors.IMPORT_FILE_NOT_FOUND({ file: abs });
  if (fs.statSync(abs).size === 0) throw ImportErrors.IMPORT_FILE_EMPTY();
  const detected = await detectImportFormat(abs);
  if (!detected) throw UNSUPPORTED();
  const what = kind === 'people' ? 'педагогов' : 'организаций';
  out.progress(
    `Импорт ${what} из ${abs} (${detected.format.toUpperCase()})${dryRun ? ', проверка без записи' : ''}…`,
  );
  const job = await insertImportJob(ctx.db, { kind, fileName: path.basename(abs), dryRun, createdBy: null });
  const outcome = await runImportJob(ctx, job, CLI_ACTOR, CLI_AUDIT, abs, detected, false, (c) =>
    out.progress(`  обработано строк: ${c.processed}${c.total > c.processed ? ` из ~${c.total}` : ''}`),
  );
  out.log(outcome.message);
  if (outcome.errors.length) {
    const shown = outcome.errors.slice(0, 20);
    out.log(
      `Ошибки${outcome.errorCount > shown.length ? ` (первые ${shown.length} из ${outcome.errorCount})` : ''}:`,
    );
    for (const e of shown) out.log(`  строка ${e.row}${e.column ? `, «${e.column}»` : ''}: ${e.message}`);
  }
  return outcome.status === 'done' && outcome.errorCount === 0;
}

// The import pipeline shared by the browser and the CLI: read rows as a stream, map the header, validate
// each row, decide create/update/unchanged in batches, write each batch in one transaction with audit entries.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/db.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { ImportError } from '../../platform/platform.tables.js';
import { columnsOf, type HeaderMap, type ImportKind, mapHeader } from './imports.columns.js';
import { createOrganizationsHandler } from './imports.organizations.js';
import { createPeopleHandler } from './imports.people.js';
import { type Detected, type ReadProgress, readRows } from './imports.readers.js';
import { cellText } from './imports.values.js';

export const BATCH_SIZE = 2000;
export const PROGRESS_EVERY = 500;
export const MAX_STORED_ERRORS = 1000;
const HEADER_SEARCH_ROWS = 20;

export type AuditBy = { userId: string | null; name: string };

export type PlanItem = { row: number; action: 'create' | 'update' };

export type Decision<P extends PlanItem> = {
  plan: P[];
  unchanged: number[];
  errors: ImportError[];
};

/** What one kind of import (people, organisations) plugs into the pipeline. */
export interface KindHandler<T extends { row: number }, P extends PlanItem> {
  /** Validates one row's cells (by column key); no database access beyond caches loaded up front. */
  prepare(row: number, values: Map<string, unknown>): { item: T } | { errors: ImportError[] };
  /** Finds existing records for a batch, checks access and duplicates, and plans the writes. */
  decide(items: T[]): Promise<Decision<P>>;
  /** Writes planned items (and their audit entries) inside the given transaction. */
  write(tx: Tx, plan: P[]): Promise<void>;
}

export type HandlerDeps = { ctx: AppContext; actor: Actor; auditBy: AuditBy; dryRun: boolean };

export type ImportCounts = {
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
};

export type ImportOutcome = ImportCounts & {
  status: 'done' | 'failed';
  errors: ImportError[];
  errorCount: number;
  message: string;
};

export type RunImportOptions = {
  ctx: AppContext;
  actor: Actor;
  auditBy: AuditBy;
  kind: ImportKind;
  file: string;
  detected: NonNullable<Detected>;
  dryRun: boolean;
  /** Rows expected (CSV line count), 0 when unknown until the end. */
  expectedTotal?: number;
  onProgress?: (c: ImportCounts, errors: ImportError[]) => Promise<void> | void;
};

class ErrorSink {
  readonly list: ImportError[] = [];
  count = 0;
  add(e: ImportError) {
    this.count++;
    if (this.list.length < MAX_STORED_ERRORS) this.list.push(e);
  }
}

export async function runImport(o: RunImportOptions): Promise<ImportOutcome> {
  const deps: HandlerDeps = { ctx: o.ctx, actor: o.actor, auditBy: o.auditBy, dryRun: o.dryRun };
  const handler: KindHandler<{ row: number }, PlanItem> =
    o.kind === 'people' ? await createPeopleHandler(deps) : await createOrganizationsHandler(deps);
  const columns = columnsOf(o.kind);
  const counts: ImportCounts = {
    total: o.expectedTotal ?? 0,
    processed: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
  };
  const sink = new ErrorSink();
  const failedRows = new Set<number>();
  const rowError = (e: ImportError) => {
    sink.add(e);
    if (!failedRows.has(e.row)) {
      failedRows.add(e.row);
      counts.skipped++;
    }
  };
  let header: HeaderMap | null = null;
  let scanned = 0;
  let reported = 0;
  let batch: { row: number }[] = [];

  const writePlan = async (plan: PlanItem[]) => {
    if (o.dryRun || plan.length === 0) return;
    await o.ctx.db.transaction((tx) => handler.write(tx, plan));
  };

  const settle = async (items: { row: number }[]) => {
    const d = await handler.decide(items);
    for (const e of d.errors) rowError(e);
    counts.unchanged += d.unchanged.length;
    try {
      await writePlan(d.plan);
      for (const p of d.plan) p.action === 'create' ? counts.created++ : counts.updated++;
    } catch {
      // one bad row (e.g. a record changed meanwhile) must not sink the batch: write the rows one by one
      for (const p of d.plan) {
        try {
          await writePlan([p]);
          p.action === 'create' ? counts.created++ : counts.updated++;
        } catch (e) {
          rowError({
            row: p.row,
            column: null,
            message: `Не удалось сохранить строку: ${describeDbError(e)}`,
          });
        }
      }
    }
  };

  // the database works on one batch while the next one is being read: at most one batch in flight
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (!batch.length) return;
    const items = batch;
    batch = [];
    await inFlight;
    inFlight = settle(items);
    inFlight.catch(() => {}); // awaited later; keeps an early failure from being reported as unhandled
  };

  const read: ReadProgress = { bytes: 0, size: 0 };
  /** Rows expected: the CSV line count, else an estimate from the share of the file read so far. */
  const expected = () => {
    if (counts.total) return Math.max(counts.total, counts.processed);
    const share = read.size ? read.bytes / read.size : 1;
    return share > 0 && share < 0.95 ? Math.round(counts.processed / share) : counts.processed;
  };
  const report = async (force = false) => {
    if (!o.onProgress || (!force && counts.processed - reported < PROGRESS_EVERY)) return;
    reported = counts.processed;
    await o.onProgress({ ...counts, total: expected() }, sink.list);
  };

  const required = columns.filter((c) => c.required);
  try {
    for await (const src of readRows(o.file, o.detected, read)) {
      if (!header) {
        if (src.cells.size === 0) continue;
        const texts = new Map([...src.cells].map(([i, v]) => [i, cellText(v)] as [number, string]));
        const mapped = mapHeader(columns, texts);
        if (mapped.found.size >= 2 || required.every((c) => mapped.found.has(c.key))) {
          const missing = required.filter((c) => !mapped.found.has(c.key));
          if (missing.length) {
            return failed(
              counts,
              `В файле нет обязательных столбцов: ${missing.map((c) => `«${c.header}»`).join(', ')}. Скачайте шаблон и сверьте заголовки.`,
              missing.map((c) => ({ row: src.row, column: c.header, message: 'Нет обязательного столбца' })),
            );
          }
          header = mapped;
          if (counts.total) counts.total = Math.max(0, counts.total - src.row);
          continue;
        }
        if (++scanned >= HEADER_SEARCH_ROWS) break;
        continue;
      }
      const values = new Map<string, unknown>();
      for (const [i, v] of src.cells) {
        const key = header.byIndex.get(i);
        if (key && cellText(v) !== '') values.set(key, v);
      }
      if (values.size === 0) continue;
      counts.processed++;
      const prepared = handler.prepare(src.row, values);
      if ('errors' in prepared) for (const e of prepared.errors) rowError(e);
      else batch.push(prepared.item);
      if (batch.length >= BATCH_SIZE) await flush();
      await report();
    }
  } catch (e) {
    await inFlight.catch(() => {});
    throw e;
  }
  if (!header) {
    return failed(
      counts,
      `Не найдена строка заголовков: ожидаются столбцы ${required.map((c) => `«${c.header}»`).join(', ')} и другие из шаблона.`,
      [],
    );
  }
  await flush();
  await inFlight;
  // A bulk load leaves the planner's statistics stale (it would pick a bitmap scan and sort for a list page
  // that the ICU name index serves in under a millisecond): refresh them now instead of waiting for autovacuum.
  if (!o.dryRun && counts.created + counts.updated >= 1000) {
    await o.ctx.db.execute(
      sql.raw(o.kind === 'people' ? 'analyze person, employment' : 'analyze organization'),
    );
  }
  counts.total = counts.processed;
  sink.list.sort((a, b) => a.row - b.row);
  await report(true);
  return {
    ...counts,
    status: 'done',
    errors: sink.list,
    errorCount: sink.count,
    message: summary(counts, o.dryRun, sink),
  };
}

function failed(counts: ImportCounts, message: string, errors: ImportError[]): ImportOutcome {
  return { ...counts, status: 'failed', errors, errorCount: errors.length, message };
}

function summary(c: ImportCounts, dryRun: boolean, sink: ErrorSink): string {
  const head = dryRun
    ? `Проверка без записи: строк ${c.processed}; будет создано ${c.created}, обновлено ${c.updated}, без изменений ${c.unchanged}, пропущено с ошибками ${c.skipped}.`
    : `Импорт завершён: строк ${c.processed}; создано ${c.created}, обновлено ${c.updated}, без изменений ${c.unchanged}, пропущено с ошибками ${c.skipped}.`;
  const cap =
    sink.count > sink.list.length ? ` Показаны первые ${sink.list.length} ошибок из ${sink.count}.` : '';
  return head + cap;
}

function describeDbError(e: unknown): string {
  const err = e as { code?: string; constraint?: string; message?: string };
  if (err?.code === '23505') return 'такая запись уже есть (совпадает уникальное значение)';
  if (err?.code === '23503') return 'связанная запись не найдена';
  return err?.message ?? String(e);
}

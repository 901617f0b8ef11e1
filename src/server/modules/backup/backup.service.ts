// `rost backup FILE` / `rost restore FILE`. The embedded server ships no pg_dump, so the backup is Rost's own:
// a gzipped stream of JSON lines — a header (format, app version, applied migrations, tables, sequences), then
// per table its columns and rows as text values, read through a cursor in one consistent snapshot.
// Restore goes into an empty database (migrations applied, no directory data or accounts), in one transaction,
// and sets the sequences. The pg-boss schema (background jobs) is not saved: jobs are transient.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type pg from 'pg';
import type { AppContext } from '../../platform/context.js';
import { VERSION } from '../../platform/version.js';
import {
  type ColumnInfo,
  countRows,
  listMigrations,
  listSequences,
  listTables,
  type MigrationInfo,
  quoteIdent,
  type SequenceInfo,
} from './backup.catalog.js';
import { BackupErrors } from './backup.errors.js';

export const BACKUP_FORMAT = 'rost-backup';
export const BACKUP_VERSION = 1;
const FETCH = 2000;
/** Tables whose rows mean «this database is in use»: restore refuses to touch them. */
export const OCCUPIED_IF_ROWS = ['user', 'region', 'municipality', 'organization', 'person'];

type Header = {
  format: string;
  version: number;
  app: string;
  createdAt: string;
  migrations: MigrationInfo[];
  tables: { name: string; columns: string[] }[];
  sequences: SequenceInfo[];
};
type TableStart = { table: string; columns: string[] };
type TableEnd = { end: string; rows: number };
type Done = { done: true; tables: number; rows: number };

function poolOf(ctx: AppContext): pg.Pool {
  return (ctx.db as unknown as { $client: pg.Pool }).$client;
}

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} КБ`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;

export async function backupTo(ctx: AppContext, file: string, log: (m: string) => void): Promise<void> {
  const target = path.resolve(file);
  const tmp = `${target}.part`;
  const client = await poolOf(ctx).connect();
  let totalRows = 0;
  let tableCount = 0;
  try {
    await client.query('begin isolation level repeatable read read only');
    const tables = await listTables(client);
    const header: Header = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      app: VERSION,
      createdAt: new Date().toISOString(),
      migrations: await listMigrations(client),
      tables: tables.map((t) => ({ name: t.name, columns: dumpable(t.columns).map((c) => c.name) })),
      sequences: await listSequences(client),
    };
    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(header)}\n`;
      for (const t of tables) {
        const cols = dumpable(t.columns);
        yield `${JSON.stringify({ table: t.name, columns: cols.map((c) => c.name) } satisfies TableStart)}\n`;
        const select = cols.map((c) => `${quoteIdent(c.name)}::text`).join(', ');
        await client.query(
          `declare rost_backup no scroll cursor for select ${select} from public.${quoteIdent(t.name)}`,
        );
        let n = 0;
        for (;;) {
          const r = await client.query({ text: `fetch ${FETCH} from rost_backup`, rowMode: 'array' });
          if (!r.rows.length) break;
          let chunk = '';
          for (const row of r.rows) chunk += `${JSON.stringify(row)}\n`;
          n += r.rows.length;
          yield chunk;
        }
        await client.query('close rost_backup');
        yield `${JSON.stringify({ end: t.name, rows: n } satisfies TableEnd)}\n`;
        totalRows += n;
        tableCount++;
        if (n) log(`  ${t.name}: ${n}`);
      }
      yield `${JSON.stringify({ done: true, tables: tableCount, rows: totalRows } satisfies Done)}\n`;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await pipeline(lines(), zlib.createGzip({ level: 6 }), fs.createWriteStream(tmp));
    await client.query('commit');
    fs.renameSync(tmp, target);
  } catch (e) {
    await client.query('rollback').catch(() => {});
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    client.release();
  }
  log(
    `Резервная копия сохранена: ${target} (${sizeText(fs.statSync(target).size)}; таблиц ${tableCount}, строк ${totalRows}). ` +
      'Очередь фоновых задач (pg-boss) не сохраняется: задания временные.',
  );
}

function dumpable(columns: ColumnInfo[]): ColumnInfo[] {
  return columns.filter((c) => c.insertable);
}

/** Lines of a gzipped backup, one parsed JSON value at a time. */
async function* readBackup(file: string): AsyncGenerator<unknown> {
  const gunzip = zlib.createGunzip();
  const input = fs.createReadStream(file);
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  const rl = readline.createInterface({ input: gunzip, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of rl) {
      if (!line) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw BackupErrors.BACKUP_INVALID({ reason: 'строка не разобрана' });
      }
      yield value;
    }
  } catch (e) {
    if ((e as { code?: string })?.code?.startsWith('Z_'))
      throw BackupErrors.BACKUP_INVALID({ reason: 'это не сжатый файл резервной копии Rost' });
    throw e;
  } finally {
    rl.close();
    input.destroy();
    gunzip.destroy();
  }
}

export async function restoreFrom(ctx: AppContext, file: string, log: (m: string) => void): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw BackupErrors.BACKUP_FILE_NOT_FOUND({ file: source });
  const client = await poolOf(ctx).connect();
  const lines = readBackup(source);
  let began = false;
  try {
    const first = await lines.next();
    const header = first.value as Header;
    if (first.done || header?.format !== BACKUP_FORMAT)
      throw BackupErrors.BACKUP_INVALID({ reason: 'нет заголовка резервной копии Rost' });
    if (header.version !== BACKUP_VERSION)
      throw BackupErrors.BACKUP_INVALID({ reason: `неизвестная версия формата ${header.version}` });

    const applied = await listMigrations(client);
    const prefix = header.migrations.every((m, i) => applied[i]?.hash === m.hash);
    if (!prefix)
      throw BackupErrors.BACKUP_SCHEMA_MISMATCH({
        reason:
          'копия сделана версией Rost с другими миграциями базы данных (установите ту же или более новую версию)',
      });

    await client.query('begin');
    began = true;
    const occupied: string[] = [];
    for (const t of OCCUPIED_IF_ROWS) {
      const n = await countRows(client, t);
      if (n) occupied.push(`${t} (${n})`);
    }
    if (occupied.length) throw BackupErrors.BACKUP_TARGET_NOT_EMPTY({ tables: occupied.join(', ') });

    const targetTables = await listTables(client);
    const byName = new Map(targetTables.map((t) => [t.name, t]));
    for (const t of header.tables) {
      const target = byName.get(t.name);
      if (!target) throw BackupErrors.BACKUP_SCHEMA_MISMATCH({ reason: `в базе нет таблицы ${t.name}` });
      const have = new Set(target.columns.filter((c) => c.insertable).map((c) => c.name));
      const lost = t.columns.filter((c) => !have.has(c));
      if (lost.length)
        throw BackupErrors.BACKUP_SCHEMA_MISMATCH({
          reason: `в таблице ${t.name} нет столбцов ${lost.join(', ')}`,
        });
    }
    // rows the migrations or an idle start left (rate limits, sessions…) are replaced by the copy's own
    const inCopy = new Set(header.tables.map((t) => t.name));
    for (const t of [...targetTables].reverse()) {
      if (inCopy.has(t.name)) await client.query(`delete from public.${quoteIdent(t.name)}`);
    }

    let table: TableStart | null = null;
    let batch: unknown[][] = [];
    let rowsInTable = 0;
    let totalRows = 0;
    let tables = 0;
    let done: Done | null = null;
    const flush = async () => {
      if (!table || !batch.length) return;
      await insertRows(client, table, byName.get(table.table)!.columns, batch);
      batch = [];
    };
    for await (const v of lines) {
      const o = v as Partial<TableStart & TableEnd & Done> | unknown[];
      if (Array.isArray(o)) {
        if (!table) throw BackupErrors.BACKUP_INVALID({ reason: 'строка данных вне таблицы' });
        batch.push(o);
        rowsInTable++;
        if (batch.length >= rowsPerInsert(table.columns.length)) await flush();
      } else if (o.table) {
        table = { table: o.table, columns: o.columns ?? [] };
        rowsInTable = 0;
      } else if (o.end) {
        await flush();
        if (!table || o.end !== table.table || o.rows !== rowsInTable)
          throw BackupErrors.BACKUP_INVALID({ reason: `таблица ${o.end} прочитана не полностью` });
        if (rowsInTable) log(`  ${o.end}: ${rowsInTable}`);
        totalRows += rowsInTable;
        tables++;
        table = null;
      } else if (o.done) {
        done = o as Done;
      }
    }
    if (!done || done.rows !== totalRows)
      throw BackupErrors.BACKUP_INVALID({ reason: 'файл обрывается — копия неполная' });

    for (const s of header.sequences) {
      if (s.lastValue === null) continue;
      await client.query(`select setval($1::regclass, $2::bigint, true)`, [
        `public.${quoteIdent(s.name)}`,
        s.lastValue,
      ]);
    }
    await client.query('commit');
    began = false;
    log(
      `Данные восстановлены из ${source}: таблиц ${tables}, строк ${totalRows} (копия от ${header.createdAt}).`,
    );
  } catch (e) {
    if (began) await client.query('rollback').catch(() => {});
    await lines.return(undefined).catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.min(1000, Math.floor(30000 / Math.max(1, columns))));
}

async function insertRows(
  client: pg.ClientBase,
  table: TableStart,
  targetColumns: ColumnInfo[],
  rows: unknown[][],
): Promise<void> {
  const n = table.columns.length;
  const overriding = targetColumns.some((c) => c.identityAlways) ? ' overriding system value' : '';
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const ph: string[] = [];
    for (let i = 0; i < n; i++) {
      params.push(row[i] ?? null);
      ph.push(`$${params.length}`);
    }
    return `(${ph.join(', ')})`;
  });
  await client.query(
    `insert into public.${quoteIdent(table.table)} (${table.columns.map(quoteIdent).join(', ')})${overriding} values ${tuples.join(', ')}`,
    params,
  );
}

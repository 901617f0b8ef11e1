// Small helpers the directory's services and repositories share: access gate, blanks, diffs, SQL pieces.
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Db } from '../../db/db.js';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import type { AppError } from '../../platform/errors.js';
import { postgresErrorOf } from '../../platform/http-errors.js';
import { canReadDirectory } from './directory.policy.js';

/** 401 for anonymous, 403 for a user without any role; otherwise the actor. */
export function requireDirectoryReader(actorOrNull: Actor | null): Actor {
  const actor = requireActor(actorOrNull);
  if (!canReadDirectory(actor)) forbid();
  return actor;
}

/** '' and null clear a field; undefined leaves it as it is. */
export function blankToNull<T>(v: T | '' | null | undefined): T | null | undefined {
  if (v === undefined) return undefined;
  if (v === '' || v === null) return null;
  return v;
}

/** The fields of `patch` (undefined skipped) whose values differ from `current`. */
export function changedFields<T extends Record<string, unknown>>(
  current: T,
  patch: Partial<Record<keyof T, unknown>>,
): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    const before = current[k];
    const same =
      Array.isArray(v) || Array.isArray(before) ? JSON.stringify(v) === JSON.stringify(before) : v === before;
    if (!same) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** A PostgreSQL error (code, constraint) whether thrown directly or wrapped by drizzle. */
export const pgErrorOf = postgresErrorOf;

/** Runs `fn`; a unique violation on one of the named constraints becomes the given error. */
export async function withUniqueGuard<T>(
  fn: () => Promise<T>,
  byConstraint: Record<string, () => AppError>,
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const pg = pgErrorOf(err);
    if (pg?.code === '23505' && pg.constraint && byConstraint[pg.constraint])
      throw byConstraint[pg.constraint]();
    throw err;
  }
}

/** `%fragment%` for ILIKE with the wildcard characters of the fragment escaped. */
export function likePattern(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Russian alphabetical order (ICU): Абрамов, Елкин, Ёлкин, Жуков. */
export function ru(col: AnyPgColumn | SQL): SQL {
  return sql`${col} collate ru_icu`;
}

/** One ORDER BY term with direction and nulls last. */
export function orderTerm(expr: SQL | AnyPgColumn, dir: 'asc' | 'desc'): SQL {
  return dir === 'desc' ? sql`${expr} desc nulls last` : sql`${expr} asc nulls last`;
}

/** Rows of a table as plain JSON for the audit log (dates as ISO strings). */
export function auditable<T extends Record<string, unknown>>(row: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(row));
}

/** A select ready for a cursor: its SQL text, parameters and the names of its columns in order. */
export type CursorQuery = { sql: string; params: unknown[]; keys: readonly string[] };

/**
 * Yields the rows of a select `chunk` at a time through a server-side cursor, inside one read-only
 * repeatable-read snapshot: one sort for the whole list, never the whole list in memory.
 */
export async function* cursorRows<T>(db: Db, q: CursorQuery, chunk: number): AsyncGenerator<T> {
  // A dedicated connection from the pool drizzle was built on (connect() in db.ts gives it a pg.Pool).
  const client = await (db as unknown as { $client: pg.Pool }).$client.connect();
  let inTx = false;
  try {
    await client.query('begin isolation level repeatable read read only');
    inTx = true;
    await client.query(`declare rost_export no scroll cursor for ${q.sql}`, q.params);
    for (;;) {
      const r = await client.query<unknown[]>({
        text: `fetch forward ${chunk} from rost_export`,
        rowMode: 'array',
      });
      for (const row of r.rows) yield Object.fromEntries(q.keys.map((k, i) => [k, row[i]])) as T;
      if (r.rows.length < chunk) break;
    }
    await client.query('commit');
    inTx = false;
  } finally {
    if (inTx) await client.query('rollback').catch(() => {});
    client.release();
  }
}

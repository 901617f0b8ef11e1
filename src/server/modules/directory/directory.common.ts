// Small helpers the directory's services and repositories share: access gate, blanks, diffs, SQL pieces.
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import type { AppError } from '../../platform/errors.js';
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
export function pgErrorOf(err: unknown): { code: string; constraint?: string } | null {
  let e: any = err;
  for (let i = 0; i < 3 && e; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code))
      return { code: e.code, constraint: e.constraint };
    e = e.cause;
  }
  return null;
}

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

// Queries over the audit log: filtered, newest first by default, one page at a time.
import { and, asc, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/db.js';
import { offsetOf } from '../../platform/pagination.js';
import { auditEntry } from '../../platform/platform.tables.js';
import type { TAuditQuery } from './audit.schemas.js';

const isDateOnly = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

function filtersOf(q: TAuditQuery): SQL | undefined {
  const where: SQL[] = [];
  if (q.entity) where.push(eq(auditEntry.entity, q.entity));
  if (q.entityId) where.push(eq(auditEntry.entityId, q.entityId));
  if (q.actorUserId) where.push(eq(auditEntry.actorUserId, q.actorUserId));
  if (q.action) where.push(eq(auditEntry.action, q.action));
  if (q.from) {
    where.push(
      isDateOnly(q.from) ? sql`${auditEntry.at} >= ${q.from}::date` : gte(auditEntry.at, new Date(q.from)),
    );
  }
  if (q.to) {
    // A date-only `to` includes the whole day.
    where.push(
      isDateOnly(q.to)
        ? sql`${auditEntry.at} < (${q.to}::date + 1)`
        : lt(auditEntry.at, new Date(new Date(q.to).getTime() + 1)),
    );
  }
  return where.length ? and(...where) : undefined;
}

export async function findAuditEntries(db: DbOrTx, q: TAuditQuery) {
  const where = filtersOf(q);
  const dir = q.order === 'asc' ? asc : desc;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditEntry)
      .where(where)
      .orderBy(dir(auditEntry.at), dir(auditEntry.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ total: count() }).from(auditEntry).where(where),
  ]);
  return { rows, total };
}

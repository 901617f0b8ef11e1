// Queries over regions.
import { and, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/db.js';
import { offsetOf } from '../../platform/pagination.js';
import { likePattern, orderTerm, ru } from './directory.common.js';
import type { TRegionQuery } from './directory.schemas.js';
import { municipality, region } from './directory.tables.js';

export type RegionRow = typeof region.$inferSelect;

export async function findRegions(db: DbOrTx, q: TRegionQuery) {
  const where: SQL[] = [];
  if (q.q) where.push(or(ilike(region.name, likePattern(q.q)), ilike(region.code, likePattern(q.q)))!);
  const cond = where.length ? and(...where) : undefined;
  const order =
    q.sort === 'code'
      ? [orderTerm(ru(region.code), q.order), sql`${ru(region.name)} asc`]
      : [orderTerm(ru(region.name), q.order)];
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(region)
      .where(cond)
      .orderBy(...order, region.id)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ total: count() }).from(region).where(cond),
  ]);
  return { rows, total };
}

export async function findRegionById(db: DbOrTx, id: string, lock = false): Promise<RegionRow | undefined> {
  const query = db.select().from(region).where(eq(region.id, id)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function countMunicipalitiesInRegion(db: DbOrTx, id: string): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(municipality).where(eq(municipality.regionId, id));
  return n;
}

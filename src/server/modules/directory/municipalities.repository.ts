// Queries over municipalities (with their region's name in one join).
import { and, count, eq, ilike, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/db.js';
import { offsetOf } from '../../platform/pagination.js';
import { likePattern, orderTerm, ru } from './directory.common.js';
import type { TMunicipalityQuery } from './directory.schemas.js';
import { municipality, organization, region } from './directory.tables.js';

export type MunicipalityRow = typeof municipality.$inferSelect;

const columns = {
  id: municipality.id,
  name: municipality.name,
  regionId: municipality.regionId,
  regionName: region.name,
};
export type MunicipalityListRow = { id: string; name: string; regionId: string; regionName: string };

export async function findMunicipalities(db: DbOrTx, q: TMunicipalityQuery) {
  const where: SQL[] = [];
  if (q.q) where.push(ilike(municipality.name, likePattern(q.q)));
  if (q.regionId) where.push(eq(municipality.regionId, q.regionId));
  const cond = where.length ? and(...where) : undefined;
  const order =
    q.sort === 'region'
      ? [orderTerm(ru(region.name), q.order), sql`${ru(municipality.name)} asc`]
      : [orderTerm(ru(municipality.name), q.order), sql`${ru(region.name)} asc`];
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(municipality)
      .innerJoin(region, eq(region.id, municipality.regionId))
      .where(cond)
      .orderBy(...order, municipality.id)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ total: count() }).from(municipality).where(cond),
  ]);
  return { rows, total };
}

export async function findMunicipalityView(db: DbOrTx, id: string): Promise<MunicipalityListRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(municipality)
    .innerJoin(region, eq(region.id, municipality.regionId))
    .where(eq(municipality.id, id))
    .limit(1);
  return row;
}

export async function findMunicipalityById(
  db: DbOrTx,
  id: string,
  lock = false,
): Promise<MunicipalityRow | undefined> {
  const query = db.select().from(municipality).where(eq(municipality.id, id)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function regionExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: region.id }).from(region).where(eq(region.id, id)).limit(1);
  return !!row;
}

export async function countOrganizationsInMunicipality(db: DbOrTx, id: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(organization)
    .where(eq(organization.municipalityId, id));
  return n;
}

// Queries over organisations: one joined query per page (municipality, region, people count as a subquery).
import { and, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/db.js';
import { type CursorQuery, likePattern, orderTerm, ru } from './directory.common.js';
import type { DirectoryPlace } from './directory.policy.js';
import type { TOrganizationFilter } from './directory.schemas.js';
import {
  employment,
  municipality,
  ORGANIZATION_KINDS,
  organization,
  person,
  region,
} from './directory.tables.js';

export type OrganizationRow = typeof organization.$inferSelect;

const kindOrder = sql.raw(`array[${ORGANIZATION_KINDS.map((k) => `'${k}'`).join(',')}]::text[]`);

const columns = {
  id: organization.id,
  kind: organization.kind,
  shortName: organization.shortName,
  fullName: organization.fullName,
  address: organization.address,
  inn: organization.inn,
  email: organization.email,
  phone: organization.phone,
  municipalityId: organization.municipalityId,
  municipalityName: municipality.name,
  regionId: municipality.regionId,
  regionName: region.name,
  peopleCount: sql<number>`(select count(*)::int from ${person} where ${person.organizationId} = ${organization.id} and ${person.status} = 'active')`,
};
export type OrganizationListRow = {
  id: string;
  kind: OrganizationRow['kind'];
  shortName: string;
  fullName: string;
  address: string | null;
  inn: string | null;
  email: string | null;
  phone: string | null;
  municipalityId: string;
  municipalityName: string;
  regionId: string;
  regionName: string;
  peopleCount: number;
};

function whereOf(f: Partial<TOrganizationFilter>): SQL | undefined {
  const where: SQL[] = [];
  if (f.q) {
    const p = likePattern(f.q);
    where.push(or(ilike(organization.shortName, p), ilike(organization.fullName, p))!);
  }
  if (f.municipalityId) where.push(eq(organization.municipalityId, f.municipalityId));
  if (f.regionId) where.push(eq(municipality.regionId, f.regionId));
  if (f.kind) where.push(eq(organization.kind, f.kind));
  return where.length ? and(...where) : undefined;
}

function orderOf(f: TOrganizationFilter): SQL[] {
  const byName = sql`${ru(organization.shortName)} asc`;
  switch (f.sort) {
    case 'fullName':
      return [orderTerm(ru(organization.fullName), f.order)];
    case 'kind':
      return [orderTerm(sql`array_position(${kindOrder}, ${organization.kind})`, f.order), byName];
    case 'municipality':
      return [orderTerm(ru(municipality.name), f.order), byName];
    default:
      return [orderTerm(ru(organization.shortName), f.order)];
  }
}

export async function findOrganizations(
  db: DbOrTx,
  f: TOrganizationFilter,
  page: { limit: number; offset: number },
): Promise<OrganizationListRow[]> {
  return db
    .select(columns)
    .from(organization)
    .innerJoin(municipality, eq(municipality.id, organization.municipalityId))
    .innerJoin(region, eq(region.id, municipality.regionId))
    .where(whereOf(f))
    .orderBy(...orderOf(f), organization.id)
    .limit(page.limit)
    .offset(page.offset);
}

/** The whole filtered, sorted list as a query for a cursor (rows come back shaped as OrganizationListRow). */
export function organizationsCursorQuery(db: DbOrTx, f: TOrganizationFilter): CursorQuery {
  const { sql: text, params } = db
    .select(columns)
    .from(organization)
    .innerJoin(municipality, eq(municipality.id, organization.municipalityId))
    .innerJoin(region, eq(region.id, municipality.regionId))
    .where(whereOf(f))
    .orderBy(...orderOf(f), organization.id)
    .toSQL();
  return { sql: text, params, keys: Object.keys(columns) };
}

export async function countOrganizations(db: DbOrTx, f: TOrganizationFilter): Promise<number> {
  const [{ total }] = await db
    .select({ total: count() })
    .from(organization)
    .innerJoin(municipality, eq(municipality.id, organization.municipalityId))
    .where(whereOf(f));
  return total;
}

export async function findOrganizationView(db: DbOrTx, id: string): Promise<OrganizationListRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(organization)
    .innerJoin(municipality, eq(municipality.id, organization.municipalityId))
    .innerJoin(region, eq(region.id, municipality.regionId))
    .where(eq(organization.id, id))
    .limit(1);
  return row;
}

export async function findOrganizationById(
  db: DbOrTx,
  id: string,
  lock = false,
): Promise<OrganizationRow | undefined> {
  const query = db.select().from(organization).where(eq(organization.id, id)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Where an organisation sits (itself, its municipality and region), or undefined when there is no such one. */
export async function findOrganizationPlace(db: DbOrTx, id: string): Promise<DirectoryPlace | undefined> {
  const [row] = await db
    .select({
      organizationId: organization.id,
      municipalityId: organization.municipalityId,
      regionId: municipality.regionId,
    })
    .from(organization)
    .innerJoin(municipality, eq(municipality.id, organization.municipalityId))
    .where(eq(organization.id, id))
    .limit(1);
  return row;
}

/** Where a municipality sits, as a place without an organisation. */
export async function findMunicipalityPlace(db: DbOrTx, id: string): Promise<DirectoryPlace | undefined> {
  const [row] = await db
    .select({ municipalityId: municipality.id, regionId: municipality.regionId })
    .from(municipality)
    .where(eq(municipality.id, id))
    .limit(1);
  return row ? { organizationId: null, ...row } : undefined;
}

/** People and employment records that still point at an organisation. */
export async function countOrganizationReferences(db: DbOrTx, id: string) {
  const [[{ people }], [{ employments }]] = await Promise.all([
    db.select({ people: count() }).from(person).where(eq(person.organizationId, id)),
    db.select({ employments: count() }).from(employment).where(eq(employment.organizationId, id)),
  ]);
  return { people, employments };
}

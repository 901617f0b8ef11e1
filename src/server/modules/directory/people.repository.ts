// Queries over people: one joined query per page (organisation, municipality), derived experience in SQL.
import { and, count, desc, eq, ilike, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/db.js';
import { type CursorQuery, likePattern, orderTerm, ru } from './directory.common.js';
import type { TPersonFilter } from './directory.schemas.js';
import {
  employment,
  municipality,
  organization,
  person,
  QUALIFICATION_CATEGORIES,
} from './directory.tables.js';

export type PersonRow = typeof person.$inferSelect;

/** The same expression as the trigram GIN index `person_full_name_trgm`, so ILIKE '%…%' uses the index. */
export const fullNameExpr = sql<string>`(${person.surname} || ' ' || ${person.name} || ' ' || coalesce(${person.patronymic}, ''))`;

const categoryOrder = sql.raw(`array[${QUALIFICATION_CATEGORIES.map((c) => `'${c}'`).join(',')}]::text[]`);

const columns = {
  id: person.id,
  surname: person.surname,
  name: person.name,
  patronymic: person.patronymic,
  gender: person.gender,
  email: person.email,
  phone: person.phone,
  birthDate: person.birthDate,
  position: person.position,
  subjects: person.subjects,
  experienceStart: person.experienceStart,
  experienceYears: sql<
    number | null
  >`case when ${person.experienceStart} is null then null else extract(year from age(current_date, ${person.experienceStart}))::int end`,
  youngSpecialist: sql<boolean>`coalesce(${person.experienceStart} > current_date - interval '3 years', false)`,
  category: person.category,
  categoryDate: person.categoryDate,
  organizationId: person.organizationId,
  organizationName: organization.shortName,
  municipalityId: organization.municipalityId,
  municipalityName: municipality.name,
  regionId: municipality.regionId,
  status: person.status,
  createdAt: person.createdAt,
  updatedAt: person.updatedAt,
};

export type PersonListRow = PersonRow & {
  experienceYears: number | null;
  youngSpecialist: boolean;
  organizationName: string | null;
  municipalityId: string | null;
  municipalityName: string | null;
  regionId: string | null;
};

function whereOf(f: Partial<TPersonFilter>): SQL | undefined {
  const where: SQL[] = [];
  // Each word of `q` must occur somewhere in the full name: «ванова мар» finds Иванова Мария Петровна.
  for (const word of (f.q ?? '').split(/\s+/).filter(Boolean)) {
    where.push(ilike(fullNameExpr, likePattern(word)));
  }
  if (f.organizationId) where.push(eq(person.organizationId, f.organizationId));
  if (f.municipalityId) where.push(eq(organization.municipalityId, f.municipalityId));
  if (f.regionId) where.push(eq(municipality.regionId, f.regionId));
  if (f.position) where.push(eq(person.position, f.position));
  if (f.subject) where.push(sql`${f.subject} = any(${person.subjects})`);
  if (f.category) where.push(eq(person.category, f.category));
  if (f.status) where.push(eq(person.status, f.status));
  if (f.youngSpecialist === 'true') {
    where.push(sql`${person.experienceStart} > current_date - interval '3 years'`);
  } else if (f.youngSpecialist === 'false') {
    where.push(
      sql`(${person.experienceStart} is null or ${person.experienceStart} <= current_date - interval '3 years')`,
    );
  }
  return where.length ? and(...where) : undefined;
}

/** Full-name order; the same expressions as the index `person_name_icu`, so a page is read off the index. */
function byFullName(dir: 'asc' | 'desc'): SQL[] {
  const d = dir === 'desc' ? sql`desc` : sql`asc`;
  return [
    sql`${ru(person.surname)} ${d}`,
    sql`${ru(person.name)} ${d}`,
    sql`(coalesce(${person.patronymic}, '') collate ru_icu) ${d}`,
    sql`${person.id} ${d}`,
  ];
}

function orderOf(f: Pick<TPersonFilter, 'sort' | 'order'>): SQL[] {
  const byName = byFullName('asc');
  switch (f.sort) {
    case 'organization':
      return [orderTerm(ru(organization.shortName), f.order), ...byName];
    case 'position':
      return [orderTerm(ru(person.position), f.order), ...byName];
    case 'category':
      return [orderTerm(sql`array_position(${categoryOrder}, ${person.category})`, f.order), ...byName];
    case 'experienceStart':
      return [orderTerm(person.experienceStart, f.order), ...byName];
    case 'updatedAt':
      return [orderTerm(person.updatedAt, f.order), ...byName];
    default:
      return byFullName(f.order);
  }
}

function joined(db: DbOrTx) {
  return db
    .select(columns)
    .from(person)
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .leftJoin(municipality, eq(municipality.id, organization.municipalityId));
}

export async function findPeople(
  db: DbOrTx,
  f: TPersonFilter,
  page: { limit: number; offset: number },
): Promise<PersonListRow[]> {
  return joined(db)
    .where(whereOf(f))
    .orderBy(...orderOf(f))
    .limit(page.limit)
    .offset(page.offset);
}

/** The whole filtered, sorted list as a query for a cursor (rows come back shaped as PersonListRow). */
export function peopleCursorQuery(db: DbOrTx, f: TPersonFilter): CursorQuery {
  const { sql: text, params } = joined(db)
    .where(whereOf(f))
    .orderBy(...orderOf(f))
    .toSQL();
  return { sql: text, params, keys: Object.keys(columns) };
}

export async function countPeople(db: DbOrTx, f: TPersonFilter): Promise<number> {
  const [{ total }] = await db
    .select({ total: count() })
    .from(person)
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .leftJoin(municipality, eq(municipality.id, organization.municipalityId))
    .where(whereOf(f));
  return total;
}

export async function findPersonView(db: DbOrTx, id: string): Promise<PersonListRow | undefined> {
  const [row] = await joined(db).where(eq(person.id, id)).limit(1);
  return row;
}

export async function findPersonById(db: DbOrTx, id: string, lock = false): Promise<PersonRow | undefined> {
  const query = db.select().from(person).where(eq(person.id, id)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Employment history, the current one first. */
export async function findEmployment(db: DbOrTx, personId: string) {
  return db
    .select({
      organizationId: employment.organizationId,
      organizationName: organization.shortName,
      position: employment.position,
      from: employment.from,
      to: employment.to,
    })
    .from(employment)
    .innerJoin(organization, eq(organization.id, employment.organizationId))
    .where(eq(employment.personId, personId))
    .orderBy(sql`${employment.to} desc nulls first`, desc(employment.from));
}

/** Ends the open employment (if any) on `date`. */
export async function closeEmployment(db: DbOrTx, personId: string, date: string): Promise<void> {
  await db
    .update(employment)
    .set({ to: date })
    .where(and(eq(employment.personId, personId), isNull(employment.to)));
}

export async function openEmployment(
  db: DbOrTx,
  e: { personId: string; organizationId: string; position: string | null; from: string },
): Promise<void> {
  await db.insert(employment).values(e);
}

export async function setOpenEmploymentPosition(
  db: DbOrTx,
  personId: string,
  position: string | null,
): Promise<void> {
  await db
    .update(employment)
    .set({ position })
    .where(and(eq(employment.personId, personId), isNull(employment.to)));
}

/** Whether a sign-in account is linked to this person (identity's `user.person_id`, no foreign key). */
export async function isPersonLinkedToUser(db: DbOrTx, personId: string): Promise<boolean> {
  const r = await db.execute<{ linked: boolean }>(
    sql`select exists(select 1 from "user" where person_id = ${personId}) as linked`,
  );
  return !!r.rows[0]?.linked;
}

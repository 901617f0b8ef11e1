// Queries of the import module: the directory lookups an import needs, audit rows in bulk, and import jobs.
import { and, asc, count, desc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/db.js';
import { auditEntry, type ImportError, importJob } from '../../platform/platform.tables.js';
import { municipality, organization, person, region } from '../directory/index.js';

import type { AuditBy } from './imports.processor.js';

export type OrgRef = {
  id: string;
  shortName: string;
  municipalityId: string;
  municipalityName: string;
  regionId: string;
};

export type MuniRef = { id: string; name: string; regionId: string; regionName: string };

export type PersonRow = typeof person.$inferSelect;
export type OrganizationRow = typeof organization.$inferSelect;

export async function loadOrganizationRefs(db: DbOrTx): Promise<OrgRef[]> {
  return db
    .select({
      id: organization.id,
      shortName: organization.shortName,
      municipalityId: organization.municipalityId,
      municipalityName: municipality.name,
      regionId: municipality.regionId,
    })
    .from(organization)
    .innerJoin(municipality, eq(municipality.id, organization.municipalityId));
}

export async function loadMunicipalityRefs(db: DbOrTx): Promise<MuniRef[]> {
  return db
    .select({
      id: municipality.id,
      name: municipality.name,
      regionId: municipality.regionId,
      regionName: region.name,
    })
    .from(municipality)
    .innerJoin(region, eq(region.id, municipality.regionId));
}

const PERSON_COLUMNS = Object.entries(getTableColumns(person)).map(([key, column]) => ({ key, column }));

/** A raw result row (database column names) as drizzle would give it (property names, decoded values). */
function personFromRaw(raw: Record<string, unknown>): PersonRow {
  const out: Record<string, unknown> = {};
  for (const { key, column } of PERSON_COLUMNS) {
    const v = raw[column.name];
    out[key] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
  }
  return out as PersonRow;
}

/**
 * People with these e-mails (lower-cased). One index probe per address: given the whole array at once, the
 * planner prefers to scan the table and lower-case every e-mail in it, which is slow once there are thousands.
 */
export async function findPeopleByEmails(db: DbOrTx, emails: string[]): Promise<PersonRow[]> {
  if (!emails.length) return [];
  const r = await db.execute(sql`
    select p.* from unnest(${sql.param(emails)}::text[]) as e(email)
    cross join lateral (select * from ${person} where lower(${person.email}) = e.email limit 1) as p`);
  return (r.rows as Record<string, unknown>[]).map(personFromRaw);
}

export type NameKey = { surname: string; name: string; patronymic: string };

/** The key people are matched by when there is no e-mail: lower-cased surname|name|patronymic. */
export function nameKeyText(k: NameKey): string {
  return `${k.surname}|${k.name}|${k.patronymic}`;
}

const personNameKey = sql<string>`lower(${person.surname}) || '|' || lower(${person.name}) || '|' || lower(coalesce(${person.patronymic}, ''))`;

export type KnownPeople = { all: Set<string>; withoutEmail: Set<string>; emails: Set<string> };

/**
 * Every person's name key and lower-cased e-mail (a few dozen bytes each), so that only likely matches are looked
 * up in the database: a first import of new people then asks the database nothing while it decides.
 */
export async function loadKnownPeople(db: DbOrTx): Promise<KnownPeople> {
  const rows = await db
    .select({ key: personNameKey, email: sql<string | null>`lower(${person.email})` })
    .from(person);
  const known: KnownPeople = { all: new Set(), withoutEmail: new Set(), emails: new Set() };
  for (const r of rows) {
    known.all.add(r.key);
    if (r.email === null) known.withoutEmail.add(r.key);
    else known.emails.add(r.email);
  }
  return known;
}

/** People whose full name matches one of the keys (already lower-cased), in any organisation. */
export async function findPeopleByNames(db: DbOrTx, keys: NameKey[]): Promise<PersonRow[]> {
  if (!keys.length) return [];
  // one array parameter, hashed by PostgreSQL
  return db
    .select()
    .from(person)
    .where(sql`${personNameKey} = any(${sql.param(keys.map(nameKeyText))}::text[])`);
}

type PersonInsert = typeof person.$inferInsert;

const arr = (values: unknown[]) => sql.param(values);

/**
 * New people of one batch in one statement: the rows (passed as arrays and unnested, which PostgreSQL parses far
 * faster than thousands of placeholders), an open employment for those who work somewhere, and one audit entry each.
 */
export async function insertPeopleWithHistory(
  tx: DbOrTx,
  by: AuditBy,
  rows: PersonInsert[],
  today: string,
): Promise<void> {
  const col = <K extends keyof PersonInsert>(k: K) => arr(rows.map((r) => r[k] ?? null));
  await tx.execute(sql`
    with ins as (
      insert into person (surname, name, patronymic, gender, email, phone, birth_date, position, subjects,
                          experience_start, category, category_date, organization_id, status)
      select u.surname, u.name, u.patronymic, u.gender, u.email, u.phone, u.birth_date, u.position,
             u.subjects::text[], u.experience_start, u.category, u.category_date, u.organization_id, u.status
      from unnest(${col('surname')}::text[], ${col('name')}::text[], ${col('patronymic')}::text[],
                  ${col('gender')}::text[], ${col('email')}::text[], ${col('phone')}::text[],
                  ${col('birthDate')}::date[], ${col('position')}::text[],
                  ${arr(rows.map((r) => pgTextArray(r.subjects ?? [])))}::text[],
                  ${col('experienceStart')}::date[], ${col('category')}::text[], ${col('categoryDate')}::date[],
                  ${col('organizationId')}::uuid[], ${col('status')}::text[])
        as u(surname, name, patronymic, gender, email, phone, birth_date, position, subjects,
             experience_start, category, category_date, organization_id, status)
      returning *
    ), emp as (
      insert into employment (person_id, organization_id, position, "from")
      select ins.id, ins.organization_id, ins.position, ${today}::date from ins
      where ins.organization_id is not null and ins.status = 'active'
    )
    insert into audit_entry (actor_user_id, actor_name, action, entity, entity_id, before, after)
    select ${by.userId}, ${by.name}, 'create', 'person', ins.id::text, null,
      jsonb_build_object('id', ins.id, 'surname', ins.surname, 'name', ins.name, 'patronymic', ins.patronymic,
        'gender', ins.gender, 'email', ins.email, 'phone', ins.phone, 'birthDate', ins.birth_date,
        'position', ins.position, 'subjects', ins.subjects, 'experienceStart', ins.experience_start,
        'category', ins.category, 'categoryDate', ins.category_date, 'organizationId', ins.organization_id,
        'status', ins.status, 'createdAt', ins.created_at, 'updatedAt', ins.updated_at)
    from ins`);
}

/** A PostgreSQL array literal of text values: {"a","b \"c\""}. */
function pgTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export async function findOrganizationsByIds(db: DbOrTx, ids: string[]): Promise<OrganizationRow[]> {
  if (!ids.length) return [];
  return db.select().from(organization).where(inArray(organization.id, ids));
}

export type AuditRow = {
  action: 'create' | 'update';
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

/** Audit entries of one batch in one statement (same transaction as the batch's writes). */
export async function insertAuditEntries(tx: DbOrTx, by: AuditBy, rows: AuditRow[]): Promise<void> {
  if (!rows.length) return;
  await tx.insert(auditEntry).values(
    rows.map((r) => ({
      actorUserId: by.userId,
      actorName: by.name,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: (r.before ?? null) as object | null,
      after: (r.after ?? null) as object | null,
    })),
  );
}

// ── import jobs ──

export type ImportJobRow = typeof importJob.$inferSelect;

export async function insertImportJob(db: DbOrTx, v: typeof importJob.$inferInsert): Promise<ImportJobRow> {
  const [row] = await db.insert(importJob).values(v).returning();
  return row;
}

export async function updateImportJob(
  db: DbOrTx,
  id: string,
  v: Partial<typeof importJob.$inferInsert>,
): Promise<void> {
  await db.update(importJob).set(v).where(eq(importJob.id, id));
}

export async function findImportJob(db: DbOrTx, id: string): Promise<ImportJobRow | null> {
  const [row] = await db.select().from(importJob).where(eq(importJob.id, id)).limit(1);
  return row ?? null;
}

export type JobFilter = {
  createdBy?: string;
  kind?: 'people' | 'organizations';
  status?: ImportJobRow['status'];
};

export async function listImportJobs(
  db: DbOrTx,
  f: JobFilter,
  page: { limit: number; offset: number; order: 'asc' | 'desc' },
): Promise<{ rows: (Omit<ImportJobRow, 'errors'> & { errors: ImportError[] })[]; total: number }> {
  const where: SQL[] = [];
  if (f.createdBy) where.push(eq(importJob.createdBy, f.createdBy));
  if (f.kind) where.push(eq(importJob.kind, f.kind));
  if (f.status) where.push(eq(importJob.status, f.status));
  const cond = where.length ? and(...where) : undefined;
  const { errors: _errors, ...cols } = getTableColumns(importJob);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        ...cols,
        // the list carries only the first errors; the job itself has them all
        errors: sql<
          ImportError[]
        >`coalesce(jsonb_path_query_array(${importJob.errors}, '$[0 to 9]'), '[]'::jsonb)`,
      })
      .from(importJob)
      .where(cond)
      .orderBy(page.order === 'asc' ? asc(importJob.createdAt) : desc(importJob.createdAt), asc(importJob.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(importJob).where(cond),
  ]);
  return { rows: rows as never, total: n };
}

/** Jobs left queued or running by a process that stopped (server restart): marked failed. */
export async function failInterruptedJobs(db: DbOrTx): Promise<number> {
  const rows = await db
    .update(importJob)
    .set({
      status: 'failed',
      message: 'Импорт прерван: сервер был перезапущен. Загрузите файл ещё раз.',
      finishedAt: new Date(),
    })
    .where(and(inArray(importJob.status, ['queued', 'running']), sql`${importJob.createdBy} is not null`))
    .returning({ id: importJob.id });
  return rows.length;
}

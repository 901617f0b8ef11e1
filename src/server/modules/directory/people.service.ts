// People: list, detail, create, update, delete, employment history and XLSX export.
// Private fields (phone, birth date) only for those who may see them; every change audited in its transaction.
import type { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import {
  datedFileName,
  writeXlsx,
  type XlsxColumn,
  type XlsxDocument,
  xlsxDate,
} from '../../documents/xlsx.js';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { CommonErrors } from '../../platform/errors.js';
import { EXPORT_CHUNK, offsetOf } from '../../platform/pagination.js';
import { QUALIFICATION_CATEGORY_LABELS } from './catalogs.service.js';
import {
  auditable,
  blankToNull,
  changedFields,
  cursorRows,
  pgErrorOf,
  requireDirectoryReader,
  withUniqueGuard,
} from './directory.common.js';
import { DirectoryErrors } from './directory.errors.js';
import {
  canManagePeopleAt,
  canSeePrivateFields,
  type DirectoryPlace,
  mayExportPrivateFields,
  mayWriteDirectory,
  NOWHERE,
} from './directory.policy.js';
import {
  type TEmployment,
  type TPerson,
  type TPersonCreate,
  type TPersonFilter,
  type TPersonQuery,
  type TPersonUpdate,
  todayIso,
} from './directory.schemas.js';
import { person } from './directory.tables.js';
import { findOrganizationPlace } from './organizations.repository.js';
import {
  closeEmployment,
  countPeople,
  findEmployment,
  findPeople,
  findPersonById,
  findPersonView,
  isPersonLinkedToUser,
  openEmployment,
  type PersonListRow,
  peopleCursorQuery,
  setOpenEmploymentPosition,
} from './people.repository.js';

const placeOf = (r: PersonListRow): DirectoryPlace => ({
  organizationId: r.organizationId,
  municipalityId: r.municipalityId,
  regionId: r.regionId,
});

export function fullNameOf(p: { surname: string; name: string; patronymic: string | null }): string {
  return [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');
}

function toDto(actor: Actor, r: PersonListRow): TPerson {
  const place = placeOf(r);
  const priv = canSeePrivateFields(actor, r.id, place);
  return {
    id: r.id,
    surname: r.surname,
    name: r.name,
    patronymic: r.patronymic,
    fullName: fullNameOf(r),
    gender: r.gender,
    email: r.email,
    phone: priv ? r.phone : null,
    birthDate: priv ? r.birthDate : null,
    position: r.position,
    subjects: r.subjects,
    experienceStart: r.experienceStart,
    experienceYears: r.experienceYears,
    youngSpecialist: r.youngSpecialist,
    category: r.category,
    categoryDate: r.categoryDate,
    organizationId: r.organizationId,
    organizationName: r.organizationName,
    municipalityId: r.municipalityId,
    municipalityName: r.municipalityName,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    canEdit: canManagePeopleAt(actor, place),
  };
}

function requireWriter(actorOrNull: Actor | null): Actor {
  const actor = requireActor(actorOrNull);
  if (!mayWriteDirectory(actor)) forbid();
  return actor;
}

async function placeOfOrganizationOrFail(
  ctx: AppContext,
  organizationId: string | null,
): Promise<DirectoryPlace> {
  if (!organizationId) return NOWHERE;
  const place = await findOrganizationPlace(ctx.db, organizationId);
  if (!place) throw DirectoryErrors.UNKNOWN_ORGANIZATION({}, { field: 'organizationId' });
  return place;
}

async function personPlaceOrFail(ctx: AppContext, id: string): Promise<PersonListRow> {
  const row = await findPersonView(ctx.db, id);
  if (!row) throw DirectoryErrors.PERSON_NOT_FOUND();
  return row;
}

const emailTaken = (email: () => string | null | undefined) => ({
  person_email_unique: () => DirectoryErrors.PERSON_EMAIL_TAKEN({ email: email() ?? '' }, { field: 'email' }),
});

/** Body fields as column values: blanks become null, absent fields stay absent. */
function normalize(input: TPersonUpdate) {
  return {
    surname: input.surname,
    name: input.name,
    patronymic: blankToNull(input.patronymic),
    gender: input.gender,
    email: blankToNull(input.email),
    phone: blankToNull(input.phone),
    birthDate: blankToNull(input.birthDate),
    position: blankToNull(input.position),
    subjects: input.subjects === undefined ? undefined : [...new Set(input.subjects)],
    experienceStart: blankToNull(input.experienceStart),
    category: input.category,
    categoryDate: blankToNull(input.categoryDate),
    organizationId: input.organizationId,
    status: input.status,
  };
}

// ---------- reading ----------

export async function listPeople(ctx: AppContext, actorOrNull: Actor | null, q: TPersonQuery) {
  const actor = requireDirectoryReader(actorOrNull);
  const [rows, total] = await Promise.all([
    findPeople(ctx.db, q, { limit: q.pageSize, offset: offsetOf(q) }),
    countPeople(ctx.db, q),
  ]);
  return { items: rows.map((r) => toDto(actor, r)), total, page: q.page, pageSize: q.pageSize };
}

export async function getPerson(ctx: AppContext, actorOrNull: Actor | null, id: string): Promise<TPerson> {
  const actor = requireDirectoryReader(actorOrNull);
  return toDto(actor, await personPlaceOrFail(ctx, id));
}

export async function listEmployment(
  ctx: AppContext,
  actorOrNull: Actor | null,
  id: string,
): Promise<{ items: TEmployment[] }> {
  requireDirectoryReader(actorOrNull);
  const found = await findPersonById(ctx.db, id);
  if (!found) throw DirectoryErrors.PERSON_NOT_FOUND();
  return { items: await findEmployment(ctx.db, id) };
}

// ---------- changing ----------

export async function createPerson(
  ctx: AppContext,
  actorOrNull: Actor | null,
  input: TPersonCreate,
): Promise<TPerson> {
  const actor = requireWriter(actorOrNull);
  const v = normalize(input);
  const organizationId = v.organizationId ?? null;
  const place = await placeOfOrganizationOrFail(ctx, organizationId);
  if (!canManagePeopleAt(actor, place)) forbid();
  const id = await withUniqueGuard(
    () =>
      ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(person)
          .values({
            surname: input.surname,
            name: input.name,
            patronymic: v.patronymic ?? null,
            gender: v.gender ?? null,
            email: v.email ?? null,
            phone: v.phone ?? null,
            birthDate: v.birthDate ?? null,
            position: v.position ?? null,
            subjects: v.subjects ?? [],
            experienceStart: v.experienceStart ?? null,
            category: v.category ?? 'none',
            categoryDate: v.categoryDate ?? null,
            organizationId,
            status: v.status ?? 'active',
          })
          .returning();
        if (row.organizationId) {
          await openEmployment(tx, {
            personId: row.id,
            organizationId: row.organizationId,
            position: row.position,
            from: todayIso(),
          });
        }
        await audit(tx, actor, 'create', 'person', row.id, null, auditable(row));
        return row.id;
      }),
    emailTaken(() => v.email),
  );
  return toDto(actor, await personPlaceOrFail(ctx, id));
}

export async function updatePerson(
  ctx: AppContext,
  actorOrNull: Actor | null,
  id: string,
  input: TPersonUpdate,
): Promise<TPerson> {
  const actor = requireWriter(actorOrNull);
  const current = await personPlaceOrFail(ctx, id);
  if (!canManagePeopleAt(actor, placeOf(current))) forbid();
  const v = normalize(input);
  if (v.organizationId !== undefined && (v.organizationId ?? null) !== current.organizationId) {
    // Moving a person to another organisation (or out of any): the actor must manage people there too.
    const target = await placeOfOrganizationOrFail(ctx, v.organizationId ?? null);
    if (!canManagePeopleAt(actor, target)) forbid();
  }
  await withUniqueGuard(
    () =>
      ctx.db.transaction(async (tx) => {
        const before = await findPersonById(tx, id, true);
        if (!before) throw DirectoryErrors.PERSON_NOT_FOUND();
        const changes = changedFields(before, v);
        if (Object.keys(changes).length === 0) return;
        const [after] = await tx
          .update(person)
          .set({ ...changes, updatedAt: new Date() })
          .where(eq(person.id, id))
          .returning();
        const today = todayIso();
        if (after.organizationId !== before.organizationId) {
          await closeEmployment(tx, id, today);
          if (after.organizationId) {
            await openEmployment(tx, {
              personId: id,
              organizationId: after.organizationId,
              position: after.position,
              from: today,
            });
          }
        } else if (after.position !== before.position && after.organizationId) {
          await setOpenEmploymentPosition(tx, id, after.position);
        }
        await audit(tx, actor, 'update', 'person', id, auditable(before), auditable(after));
      }),
    emailTaken(() => v.email),
  );
  return toDto(actor, await personPlaceOrFail(ctx, id));
}

export async function deletePerson(ctx: AppContext, actorOrNull: Actor | null, id: string) {
  const actor = requireWriter(actorOrNull);
  const current = await personPlaceOrFail(ctx, id);
  if (!canManagePeopleAt(actor, placeOf(current))) forbid();
  try {
    await ctx.db.transaction(async (tx) => {
      const before = await findPersonById(tx, id, true);
      if (!before) throw DirectoryErrors.PERSON_NOT_FOUND();
      if (await isPersonLinkedToUser(tx, id)) throw CommonErrors.IN_USE({}, { users: 1 });
      await tx.delete(person).where(eq(person.id, id));
      await audit(tx, actor, 'delete', 'person', id, auditable(before), null);
    });
  } catch (err) {
    // Records of other modules that point at the person (foreign keys) refuse the delete too.
    if (pgErrorOf(err)?.code === '23503') throw CommonErrors.IN_USE();
    throw err;
  }
  return { ok: true as const };
}

// ---------- export ----------

const GENDER_LABELS = { male: 'мужской', female: 'женский' } as const;
const STATUS_LABELS = { active: 'работает', left: 'не работает' } as const;

function exportColumns(withPrivate: boolean): XlsxColumn<TPerson>[] {
  const cols: (XlsxColumn<TPerson> | false)[] = [
    { header: 'Фамилия', width: 18, value: (p) => p.surname },
    { header: 'Имя', width: 16, value: (p) => p.name },
    { header: 'Отчество', width: 18, value: (p) => p.patronymic },
    { header: 'Пол', width: 10, value: (p) => (p.gender ? GENDER_LABELS[p.gender] : null) },
    { header: 'Электронная почта', width: 28, value: (p) => p.email },
    withPrivate && { header: 'Телефон', width: 18, value: (p) => p.phone },
    withPrivate && {
      header: 'Дата рождения',
      width: 14,
      value: (p) => xlsxDate(p.birthDate),
      format: 'date',
    },
    { header: 'Должность', width: 24, value: (p) => p.position },
    { header: 'Предметы', width: 30, value: (p) => p.subjects.join('; ') || null },
    {
      header: 'Начало педагогического стажа',
      width: 16,
      value: (p) => xlsxDate(p.experienceStart),
      format: 'date',
    },
    { header: 'Стаж, лет', width: 10, value: (p) => p.experienceYears, format: 'integer' },
    { header: 'Молодой специалист', width: 12, value: (p) => (p.youngSpecialist ? 'да' : 'нет') },
    {
      header: 'Квалификационная категория',
      width: 30,
      value: (p) => QUALIFICATION_CATEGORY_LABELS[p.category],
    },
    {
      header: 'Дата присвоения категории',
      width: 16,
      value: (p) => xlsxDate(p.categoryDate),
      format: 'date',
    },
    { header: 'Организация', width: 32, value: (p) => p.organizationName },
    { header: 'Муниципалитет', width: 24, value: (p) => p.municipalityName },
    { header: 'Статус', width: 12, value: (p) => STATUS_LABELS[p.status] },
  ];
  return cols.filter((c): c is XlsxColumn<TPerson> => !!c);
}

/**
 * The whole filtered list as XLSX, fetched EXPORT_CHUNK rows at a time from a cursor in one read-only snapshot.
 * Phone and birth date columns appear only for actors who may see private fields, and are filled per person.
 */
export function exportPeople(ctx: AppContext, actorOrNull: Actor | null, f: TPersonFilter): XlsxDocument {
  const actor = requireDirectoryReader(actorOrNull);
  const columns = exportColumns(mayExportPrivateFields(actor));
  return {
    fileName: datedFileName('people'),
    write: async (sink: Writable) => {
      async function* rows() {
        for await (const r of cursorRows<PersonListRow>(ctx.db, peopleCursorQuery(ctx.db, f), EXPORT_CHUNK)) {
          yield toDto(actor, r);
        }
      }
      await writeXlsx(sink, { name: 'Педагоги', columns, rows: rows() });
    },
  };
}

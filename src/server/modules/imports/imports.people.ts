// People rows: validation, matching (e-mail, else full name + organisation), access, and batch writes
// with employment history and audit entries.
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/db.js';
import { isAdmin, type Place } from '../../platform/actor.js';
import type { ImportError } from '../../platform/platform.tables.js';
import { employment, type PersonStatus, person, type QualificationCategory } from '../directory/index.js';
import { headerOf, PEOPLE_COLUMNS, type PeopleField } from './imports.columns.js';
import { canImportAt, defaultOrganizationOf } from './imports.policy.js';
import type { Decision, HandlerDeps, KindHandler, PlanItem } from './imports.processor.js';
import {
  type AuditRow,
  findPeopleByEmails,
  findPeopleByNames,
  insertAuditEntries,
  insertPeopleWithHistory,
  loadKnownPeople,
  loadOrganizationRefs,
  type NameKey,
  nameKeyText,
  type OrgRef,
  type PersonRow,
} from './imports.repository.js';
import {
  cellText,
  guessGender,
  looseKey,
  type Parsed,
  parseCategory,
  parseDate,
  parseEmail,
  parseName,
  parsePhone,
  parsePosition,
  parseStatus,
  parseSubjects,
  todayIso,
} from './imports.values.js';

type PersonInsert = typeof person.$inferInsert;

export type PeopleItem = {
  row: number;
  surname: string;
  name: string;
  /** undefined: the cell is empty, so an existing value stays as it is */
  patronymic?: string;
  email?: string;
  phone?: string;
  birthDate?: string;
  position?: string;
  subjects?: string[];
  experienceStart?: string;
  category?: QualificationCategory;
  categoryDate?: string;
  org?: OrgRef;
  status?: PersonStatus;
};

type PeoplePlan = PlanItem & { values: PersonInsert; existing?: PersonRow };

const COMPARED: (keyof PeopleItem & keyof PersonRow)[] = [
  'surname',
  'name',
  'patronymic',
  'email',
  'phone',
  'birthDate',
  'position',
  'subjects',
  'experienceStart',
  'category',
  'categoryDate',
  'status',
];

const col = (k: PeopleField) => headerOf(PEOPLE_COLUMNS, k);
const fullNameOf = (i: { surname: string; name: string; patronymic?: string | null }) =>
  [i.surname, i.name, i.patronymic].filter(Boolean).join(' ');
const nameKeyOf = (i: { surname: string; name: string; patronymic?: string | null }): NameKey => ({
  surname: i.surname.toLowerCase(),
  name: i.name.toLowerCase(),
  patronymic: (i.patronymic ?? '').toLowerCase(),
});

export async function createPeopleHandler(deps: HandlerDeps): Promise<KindHandler<PeopleItem, PeoplePlan>> {
  const { ctx, actor, auditBy } = deps;
  const [refs, knownNames] = await Promise.all([loadOrganizationRefs(ctx.db), loadKnownPeople(ctx.db)]);
  const orgById = new Map(refs.map((r) => [r.id, r]));
  const orgsByKey = new Map<string, OrgRef[]>();
  for (const r of refs) {
    const k = looseKey(r.shortName);
    orgsByKey.set(k, [...(orgsByKey.get(k) ?? []), r]);
  }
  const placeOf = (o: OrgRef | undefined | null): Place =>
    o ? { regionId: o.regionId, municipalityId: o.municipalityId, organizationId: o.id } : {};
  const defaultOrg = (() => {
    const id = defaultOrganizationOf(actor);
    return id ? orgById.get(id) : undefined;
  })();
  const admin = isAdmin(actor);
  const remember = (p: {
    surname: string;
    name: string;
    patronymic: string | null;
    email: string | null;
  }) => {
    const k = nameKeyText(nameKeyOf(p));
    knownNames.all.add(k);
    if (!p.email) knownNames.withoutEmail.add(k);
    else knownNames.emails.add(p.email.toLowerCase());
  };
  // organisation and municipality cells repeat the same few names: their keys are computed once each
  const keys = new Map<string, string>();
  const keyOf = (text: string) => {
    let k = keys.get(text);
    if (k === undefined) {
      k = looseKey(text);
      if (keys.size < 10_000) keys.set(text, k);
    }
    return k;
  };
  const today = todayIso();
  const seenEmail = new Map<string, number>();
  const seenName = new Map<string, number>();

  function prepare(
    row: number,
    values: Map<string, unknown>,
  ): { item: PeopleItem } | { errors: ImportError[] } {
    const errors: ImportError[] = [];
    const field = <T>(k: PeopleField, parse: (v: unknown) => Parsed<T>): T | undefined =>
      parsedField(values, errors, row, k, parse);
    const required = (k: 'surname' | 'name') => {
      if (!values.has(k))
        errors.push({ row, column: col(k), message: `Не указано: ${col(k).toLowerCase()}` });
      return field(k, k === 'surname' ? parseSurname : parseFirstName) ?? '';
    };
    const surname = required('surname');
    const name = required('name');
    const item: PeopleItem = {
      row,
      surname,
      name,
      patronymic: field('patronymic', parsePatronymic),
      email: field('email', parseEmail),
      phone: field('phone', parsePhone),
      birthDate: field('birthDate', parseDate),
      position: field('position', parsePosition),
      subjects: field('subjects', parseSubjects),
      experienceStart: field('experienceStart', parseDate),
      category: field('category', parseCategory),
      categoryDate: field('categoryDate', parseDate),
      status: field('status', parseStatus),
    };
    for (const k of ['birthDate', 'experienceStart', 'categoryDate'] as const) {
      const d = item[k];
      if (d && d > today) errors.push({ row, column: col(k), message: `Дата ${ru(d)} ещё не наступила` });
    }
    if (item.birthDate && item.birthDate > shiftYears(today, -14))
      errors.push({ row, column: col('birthDate'), message: 'Педагогу должно быть не меньше 14 лет' });
    if (item.birthDate && item.experienceStart && item.experienceStart < item.birthDate)
      errors.push({
        row,
        column: col('experienceStart'),
        message: 'Начало педагогического стажа раньше даты рождения',
      });
    if (item.categoryDate && item.category === 'none')
      errors.push({
        row,
        column: col('categoryDate'),
        message: 'Указана дата присвоения, но категория — «без категории»',
      });

    const orgCell = values.get('organization');
    if (orgCell !== undefined) {
      const text = cellText(orgCell);
      let found = orgsByKey.get(keyOf(text)) ?? [];
      const muni = values.get('municipality');
      if (muni !== undefined) {
        const mk = keyOf(cellText(muni));
        found = found.filter((o) => keyOf(o.municipalityName) === mk);
      }
      if (found.length > 1) {
        const mine = found.filter((o) => canImportAt(actor, 'people', placeOf(o)));
        if (mine.length) found = mine;
      }
      if (!found.length)
        errors.push({
          row,
          column: col('organization'),
          message: `Организация «${text}» не найдена в справочнике${
            muni !== undefined ? ` (муниципалитет «${cellText(muni)}»)` : ''
          }`,
        });
      else if (found.length > 1)
        errors.push({
          row,
          column: col('organization'),
          message: `Организаций «${text}» несколько (в разных муниципалитетах) — добавьте столбец «Муниципалитет»`,
        });
      else if (!canImportAt(actor, 'people', placeOf(found[0])))
        errors.push({
          row,
          column: col('organization'),
          message: `Нет прав на организацию «${found[0].shortName}»`,
        });
      else item.org = found[0];
    } else if (defaultOrg) {
      item.org = defaultOrg;
    }
    return errors.length ? { errors } : { item };
  }

  async function decide(items: PeopleItem[]): Promise<Decision<PeoplePlan>> {
    const out: Decision<PeoplePlan> = { plan: [], unchanged: [], errors: [] };
    // only addresses the directory has are looked up (parsed e-mails are lower-cased)
    const emails = [
      ...new Set(items.flatMap((i) => (i.email && knownNames.emails.has(i.email) ? [i.email] : []))),
    ];
    const byEmailRows = await findPeopleByEmails(ctx.db, emails);
    const found = new Set(byEmailRows.map((p) => (p.email ?? '').toLowerCase()));
    // full-name lookups only for rows not matched by e-mail, and only for names the directory has
    const keys = new Map<string, NameKey>();
    for (const i of items) {
      if (i.email && found.has(i.email)) continue;
      // a row with an e-mail can only be the same person as a record that has none
      const k = nameKeyOf(i);
      if ((i.email ? knownNames.withoutEmail : knownNames.all).has(nameKeyText(k)))
        keys.set(nameKeyText(k), k);
    }
    const byNameRows = await findPeopleByNames(ctx.db, [...keys.values()]);
    const byEmail = new Map(byEmailRows.map((p) => [(p.email ?? '').toLowerCase(), p]));
    const byName = new Map<string, PersonRow[]>();
    for (const p of byNameRows) {
      const k = nameKeyText(nameKeyOf(p));
      byName.set(k, [...(byName.get(k) ?? []), p]);
    }
    for (const item of items) {
      const err = (column: PeopleField | null, message: string) =>
        out.errors.push({ row: item.row, column: column ? col(column) : null, message });
      const orgId = item.org?.id ?? null;
      const nk = `${nameKeyText(nameKeyOf(item))}|${orgId ?? ''}`;
      if (item.email && seenEmail.has(item.email)) {
        err('email', `E-mail ${item.email} уже встречался в строке ${seenEmail.get(item.email)}`);
        continue;
      }
      if (!item.email && seenName.has(nk)) {
        err(
          'surname',
          `«${fullNameOf(item)}» в этой организации уже встречается в строке ${seenName.get(nk)}`,
        );
        continue;
      }
      let existing = item.email ? byEmail.get(item.email) : undefined;
      if (!existing) {
        const same = (byName.get(nameKeyText(nameKeyOf(item))) ?? []).filter(
          (p) => (p.organizationId ?? null) === orgId && (!item.email || !p.email),
        );
        if (same.length > 1) {
          err(
            'surname',
            `В организации несколько педагогов «${fullNameOf(item)}» — укажите e-mail, чтобы выбрать одного`,
          );
          continue;
        }
        existing = same[0];
      }
      if (existing) {
        const current = existing.organizationId ? orgById.get(existing.organizationId) : undefined;
        if (!canImportAt(actor, 'people', placeOf(current))) {
          err(
            'organization',
            current
              ? `Нет прав на организацию «${current.shortName}», где работает ${fullNameOf(existing)}`
              : `${fullNameOf(existing)} не привязан(а) к организации — изменить запись может только администратор`,
          );
          continue;
        }
        const changes: PersonInsert = {} as PersonInsert;
        for (const k of COMPARED) {
          const v = item[k];
          if (v !== undefined && !same(existing[k], v)) (changes as Record<string, unknown>)[k] = v;
        }
        if (item.org && item.org.id !== existing.organizationId) changes.organizationId = item.org.id;
        if (Object.keys(changes).length === 0) out.unchanged.push(item.row);
        else out.plan.push({ row: item.row, action: 'update', values: changes, existing });
      } else {
        if (!item.org && !admin) {
          err('organization', 'Укажите организацию: без неё педагога может добавить только администратор');
          continue;
        }
        out.plan.push({
          row: item.row,
          action: 'create',
          values: {
            surname: item.surname,
            name: item.name,
            patronymic: item.patronymic ?? null,
            gender: guessGender(item.surname, item.patronymic ?? null),
            email: item.email ?? null,
            phone: item.phone ?? null,
            birthDate: item.birthDate ?? null,
            position: item.position ?? null,
            subjects: item.subjects ?? [],
            experienceStart: item.experienceStart ?? null,
            category: item.category ?? 'none',
            categoryDate: item.categoryDate ?? null,
            organizationId: orgId,
            status: item.status ?? 'active',
          },
        });
      }
      if (item.email) seenEmail.set(item.email, item.row);
      seenName.set(nk, item.row);
    }
    return out;
  }

  async function write(tx: Tx, plan: PeoplePlan[]): Promise<void> {
    const audits: AuditRow[] = [];
    const creates = plan.filter((p) => p.action === 'create');
    if (creates.length) {
      await insertPeopleWithHistory(
        tx,
        auditBy,
        creates.map((c) => c.values),
        today,
      );
      for (const c of creates)
        remember({ ...c.values, patronymic: c.values.patronymic ?? null, email: c.values.email ?? null });
    }
    for (const u of plan) {
      if (u.action !== 'update' || !u.existing) continue;
      const [after] = await tx
        .update(person)
        .set({ ...u.values, updatedAt: new Date() })
        .where(eq(person.id, u.existing.id))
        .returning();
      // employment history as the directory keeps it: a move closes the old place and opens the new one;
      // leaving closes it; a new position at the same place is written onto the open record
      if ('organizationId' in u.values || 'status' in u.values) {
        await tx
          .update(employment)
          .set({ to: today })
          .where(and(eq(employment.personId, after.id), isNull(employment.to)));
        if (after.status === 'active' && after.organizationId)
          await tx.insert(employment).values({
            personId: after.id,
            organizationId: after.organizationId,
            position: after.position,
            from: today,
          });
      } else if ('position' in u.values && after.organizationId) {
        await tx
          .update(employment)
          .set({ position: after.position })
          .where(and(eq(employment.personId, after.id), isNull(employment.to)));
      }
      audits.push({ action: 'update', entity: 'person', entityId: after.id, before: u.existing, after });
      remember(after);
    }
    await insertAuditEntries(tx, auditBy, audits);
  }

  return { prepare, decide, write };
}

// parsers made once, not per row
const parseSurname = (v: unknown) => parseName(v, 'Фамилия');
const parseFirstName = (v: unknown) => parseName(v, 'Имя');
const parsePatronymic = (v: unknown) => parseName(v, 'Отчество');

function parsedField<T>(
  values: Map<string, unknown>,
  errors: ImportError[],
  row: number,
  k: PeopleField,
  parse: (v: unknown) => Parsed<T>,
): T | undefined {
  const v = values.get(k);
  if (v === undefined) return undefined;
  const r = parse(v);
  if (!r.ok) {
    errors.push({ row, column: col(k), message: r.message });
    return undefined;
  }
  return r.value;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  return (a ?? null) === (b ?? null);
}

function ru(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

function shiftYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}

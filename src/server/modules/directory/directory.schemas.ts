// Bodies, queries and responses of the directory API (regions, municipalities, organisations, people, catalogues).
import { z } from 'zod';
import { ZPageQuery } from '../../platform/pagination.js';
import { localDay } from '../../platform/time-zone.js';
import { ORGANIZATION_KINDS, PERSON_STATUSES, QUALIFICATION_CATEGORIES } from './directory.tables.js';

// ---------- field helpers ----------

/** The calendar day of `now` on the centre's clock (ROST_TIME_ZONE), 'YYYY-MM-DD'. */
export function todayIso(now: Date = new Date()): string {
  return localDay(now);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isRealDate(v: string): boolean {
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

// A pragmatic address check: something@something.tld, no spaces.
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const required = (what: string, max: number) =>
  z
    .string({ error: `Укажите ${what}` })
    .trim()
    .min(1, `Укажите ${what}`)
    .max(max, `Не длиннее ${max} символов`);

/** Optional text: a string (empty means "clear"), null, or absent. */
const optionalText = (max: number) => z.string().trim().max(max, `Не длиннее ${max} символов`).nullish();

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Не длиннее 254 символов')
  .refine((v) => v === '' || EMAIL_RE.test(v), 'Неверный формат адреса электронной почты')
  .nullish()
  .describe('Адрес электронной почты');

const optionalPhone = z
  .string()
  .trim()
  .max(50, 'Не длиннее 50 символов')
  .refine((v) => v === '' || (v.match(/\d/g)?.length ?? 0) >= 5, 'Неверный номер телефона')
  .nullish();

/** An optional past (or today's) calendar date 'YYYY-MM-DD'. */
const pastDate = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || isRealDate(v), `${what}: дата в формате ГГГГ-ММ-ДД`)
    .refine((v) => v === '' || !isRealDate(v) || v >= '1900-01-01', `${what}: слишком ранняя дата`)
    .refine((v) => v === '' || !isRealDate(v) || v <= todayIso(), `${what}: дата не может быть в будущем`)
    .nullish();

const optionalUuid = (what: string) => z.uuid(`${what}: неверный идентификатор`).nullish();

const qParam = z.string().trim().max(200).optional();

// ---------- catalogues ----------

export const ZCodeLabel = z.object({ code: z.string(), label: z.string() });
export const ZCatalogs = z
  .object({
    positions: z.array(z.string()),
    subjects: z.array(z.string()),
    organizationKinds: z.array(ZCodeLabel),
    qualificationCategories: z.array(ZCodeLabel),
  })
  .meta({ id: 'Catalogs' });
export type TCatalogs = z.infer<typeof ZCatalogs>;

// ---------- regions ----------

export const ZRegion = z
  .object({ id: z.uuid(), name: z.string(), code: z.string().nullable() })
  .meta({ id: 'Region' });
export type TRegion = z.infer<typeof ZRegion>;

export const ZRegionQuery = ZPageQuery.extend({
  q: qParam.describe('Часть названия'),
  sort: z.enum(['name', 'code']).default('name'),
});
export type TRegionQuery = z.infer<typeof ZRegionQuery>;

export const ZRegionCreate = z.object({
  name: required('название региона', 200),
  code: optionalText(20).describe('Код региона (например, 47)'),
});
export type TRegionCreate = z.infer<typeof ZRegionCreate>;
export const ZRegionUpdate = ZRegionCreate.partial();
export type TRegionUpdate = z.infer<typeof ZRegionUpdate>;

// ---------- municipalities ----------

export const ZMunicipality = z
  .object({ id: z.uuid(), name: z.string(), regionId: z.uuid(), regionName: z.string() })
  .meta({ id: 'Municipality' });
export type TMunicipality = z.infer<typeof ZMunicipality>;

export const ZMunicipalityQuery = ZPageQuery.extend({
  q: qParam.describe('Часть названия'),
  regionId: z.uuid().optional(),
  sort: z.enum(['name', 'region']).default('name'),
});
export type TMunicipalityQuery = z.infer<typeof ZMunicipalityQuery>;

export const ZMunicipalityCreate = z.object({
  regionId: z.uuid('Регион: неверный идентификатор'),
  name: required('название муниципалитета', 200),
});
export type TMunicipalityCreate = z.infer<typeof ZMunicipalityCreate>;
export const ZMunicipalityUpdate = ZMunicipalityCreate.partial();
export type TMunicipalityUpdate = z.infer<typeof ZMunicipalityUpdate>;

// ---------- organisations ----------

export const ZOrganization = z
  .object({
    id: z.uuid(),
    kind: z.enum(ORGANIZATION_KINDS),
    shortName: z.string(),
    fullName: z.string(),
    address: z.string().nullable(),
    inn: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    municipalityId: z.uuid(),
    municipalityName: z.string(),
    regionId: z.uuid(),
    regionName: z.string(),
    peopleCount: z.number().int().describe('Работающих (статус active) людей в организации'),
    canEdit: z.boolean().describe('Может ли текущий пользователь изменить запись'),
  })
  .meta({ id: 'Organization' });
export type TOrganization = z.infer<typeof ZOrganization>;

export const ORGANIZATION_SORTS = ['shortName', 'fullName', 'kind', 'municipality'] as const;

export const ZOrganizationFilter = z.object({
  q: qParam.describe('Часть краткого или полного наименования'),
  municipalityId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  sort: z.enum(ORGANIZATION_SORTS).default('shortName'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TOrganizationFilter = z.infer<typeof ZOrganizationFilter>;
export const ZOrganizationQuery = ZPageQuery.extend(ZOrganizationFilter.shape);
export type TOrganizationQuery = z.infer<typeof ZOrganizationQuery>;

const organizationFields = {
  kind: z.enum(ORGANIZATION_KINDS, { error: 'Укажите тип организации из справочника' }),
  shortName: required('краткое наименование', 300),
  fullName: required('полное наименование', 1000),
  address: optionalText(1000),
  inn: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{10}(\d{2})?$/.test(v), 'ИНН — 10 или 12 цифр')
    .nullish(),
  email: optionalEmail,
  phone: optionalPhone,
  municipalityId: z.uuid('Муниципалитет: неверный идентификатор'),
};
export const ZOrganizationCreate = z.object(organizationFields);
export type TOrganizationCreate = z.infer<typeof ZOrganizationCreate>;
export const ZOrganizationUpdate = ZOrganizationCreate.partial();
export type TOrganizationUpdate = z.infer<typeof ZOrganizationUpdate>;

// ---------- people ----------

export const ZPerson = z
  .object({
    id: z.uuid(),
    surname: z.string(),
    name: z.string(),
    patronymic: z.string().nullable(),
    fullName: z.string(),
    gender: z.enum(['male', 'female']).nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable().describe('null, если нет права видеть личные данные'),
    birthDate: z.string().nullable().describe('YYYY-MM-DD; null, если нет права видеть личные данные'),
    position: z.string().nullable(),
    subjects: z.array(z.string()),
    experienceStart: z.string().nullable(),
    experienceYears: z.number().int().nullable(),
    youngSpecialist: z.boolean().describe('Педагогический стаж меньше 3 лет'),
    category: z.enum(QUALIFICATION_CATEGORIES),
    categoryDate: z.string().nullable(),
    organizationId: z.uuid().nullable(),
    organizationName: z.string().nullable(),
    municipalityId: z.uuid().nullable(),
    municipalityName: z.string().nullable(),
    status: z.enum(PERSON_STATUSES),
    createdAt: z.string(),
    updatedAt: z.string(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'Person' });
export type TPerson = z.infer<typeof ZPerson>;

export const PERSON_SORTS = [
  'fullName',
  'organization',
  'position',
  'category',
  'experienceStart',
  'updatedAt',
] as const;

export const ZPersonFilter = z.object({
  q: qParam.describe('Любая часть ФИО, без учёта регистра'),
  organizationId: z.uuid().optional(),
  municipalityId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  position: z.string().trim().max(300).optional(),
  subject: z.string().trim().max(200).optional(),
  category: z.enum(QUALIFICATION_CATEGORIES).optional(),
  status: z.enum(PERSON_STATUSES).optional(),
  youngSpecialist: z.enum(['true', 'false']).optional().describe('Молодой специалист: стаж меньше 3 лет'),
  sort: z.enum(PERSON_SORTS).default('fullName'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TPersonFilter = z.infer<typeof ZPersonFilter>;
export const ZPersonQuery = ZPageQuery.extend(ZPersonFilter.shape);
export type TPersonQuery = z.infer<typeof ZPersonQuery>;

const personFields = {
  surname: required('фамилию', 100),
  name: required('имя', 100),
  patronymic: optionalText(100),
  gender: z.enum(['male', 'female'], { error: 'Пол: male или female' }).nullish(),
  email: optionalEmail,
  phone: optionalPhone,
  birthDate: pastDate('Дата рождения'),
  position: optionalText(300),
  subjects: z
    .array(z.string().trim().min(1, 'Пустое название предмета').max(200), {
      error: 'Предметы: ожидается список',
    })
    .max(50, 'Не больше 50 предметов'),
  experienceStart: pastDate('Начало педагогического стажа'),
  category: z.enum(QUALIFICATION_CATEGORIES, { error: 'Укажите квалификационную категорию из справочника' }),
  categoryDate: pastDate('Дата присвоения категории'),
  organizationId: optionalUuid('Организация'),
  status: z.enum(PERSON_STATUSES, { error: 'Статус: active или left' }),
};
export const ZPersonCreate = z.object({
  ...personFields,
  subjects: personFields.subjects.optional(),
  category: personFields.category.optional(),
  status: personFields.status.optional(),
});
export type TPersonCreate = z.infer<typeof ZPersonCreate>;
export const ZPersonUpdate = z.object(personFields).partial();
export type TPersonUpdate = z.infer<typeof ZPersonUpdate>;

export const ZEmployment = z
  .object({
    organizationId: z.uuid(),
    organizationName: z.string(),
    position: z.string().nullable(),
    from: z.string(),
    to: z.string().nullable(),
  })
  .meta({ id: 'Employment' });
export const ZEmploymentList = z.object({ items: z.array(ZEmployment) });
export type TEmployment = z.infer<typeof ZEmployment>;

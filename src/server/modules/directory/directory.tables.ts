// The directory: regions → municipalities → organisations, and people with their employment history.
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const ORGANIZATION_KINDS = [
  'school',
  'kindergarten',
  'additional_education',
  'college',
  'university',
  'methodological_centre',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const QUALIFICATION_CATEGORIES = [
  'none',
  'position_compliance',
  'first',
  'highest',
  'methodologist',
  'mentor',
] as const;
export type QualificationCategory = (typeof QUALIFICATION_CATEGORIES)[number];

export const PERSON_STATUSES = ['active', 'left'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

const ts = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const region = pgTable('region', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  code: text('code'),
  ...ts(),
});

export const municipality = pgTable(
  'municipality',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    ...ts(),
  },
  (t) => [uniqueIndex('municipality_region_name').on(t.regionId, t.name)],
);

export const organization = pgTable(
  'organization',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id, { onDelete: 'restrict' }),
    kind: text('kind').$type<OrganizationKind>().notNull(),
    shortName: text('short_name').notNull(),
    fullName: text('full_name').notNull(),
    address: text('address'),
    inn: text('inn'),
    email: text('email'),
    phone: text('phone'),
    ...ts(),
  },
  (t) => [
    index('organization_municipality_idx').on(t.municipalityId),
    uniqueIndex('organization_short_name_muni').on(t.municipalityId, t.shortName),
  ],
);

export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surname: text('surname').notNull(),
    name: text('name').notNull(),
    patronymic: text('patronymic'),
    gender: text('gender').$type<'male' | 'female'>(),
    email: text('email'),
    phone: text('phone'),
    birthDate: date('birth_date'),
    position: text('position'),
    subjects: text('subjects').array().notNull().default(sql`'{}'::text[]`),
    experienceStart: date('experience_start'),
    category: text('category').$type<QualificationCategory>().notNull().default('none'),
    categoryDate: date('category_date'),
    organizationId: uuid('organization_id').references(() => organization.id, { onDelete: 'restrict' }),
    status: text('status').$type<PersonStatus>().notNull().default('active'),
    ...ts(),
  },
  (t) => [
    uniqueIndex('person_email_unique').on(sql`lower(${t.email})`),
    index('person_organization_idx').on(t.organizationId),
    index('person_full_name_trgm').using(
      'gin',
      sql`(${t.surname} || ' ' || ${t.name} || ' ' || coalesce(${t.patronymic}, '')) gin_trgm_ops`,
    ),
    // Russian alphabetical order of the people list (ICU); pages are read off this index instead of sorting.
    index('person_name_icu').on(
      sql`(${t.surname} collate ru_icu)`,
      sql`(${t.name} collate ru_icu)`,
      sql`(coalesce(${t.patronymic}, '') collate ru_icu)`,
      t.id,
    ),
  ],
);

export const employment = pgTable(
  'employment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'restrict' }),
    position: text('position'),
    from: date('from').notNull(),
    to: date('to'),
  },
  (t) => [index('employment_person_idx').on(t.personId)],
);

// The columns of the import files: Russian headers (as in the templates), the aliases people type instead,
// and how a header row is mapped onto them.
import { looseKey } from './imports.values.js';

export type ImportKind = 'people' | 'organizations';
export const IMPORT_KINDS = ['people', 'organizations'] as const;

export type ColumnDef<K extends string = string> = {
  key: K;
  header: string;
  required?: boolean;
  aliases?: string[];
  /** Shown in the template only when true (extra columns are still read when present). */
  inTemplate?: boolean;
};

export type PeopleField =
  | 'surname'
  | 'name'
  | 'patronymic'
  | 'email'
  | 'phone'
  | 'birthDate'
  | 'position'
  | 'subjects'
  | 'experienceStart'
  | 'category'
  | 'categoryDate'
  | 'organization'
  | 'status'
  | 'municipality';

export type OrganizationField =
  | 'shortName'
  | 'fullName'
  | 'kind'
  | 'address'
  | 'inn'
  | 'email'
  | 'phone'
  | 'municipality'
  | 'region';

export const PEOPLE_COLUMNS: ColumnDef<PeopleField>[] = [
  { key: 'surname', header: 'Фамилия', required: true, inTemplate: true },
  { key: 'name', header: 'Имя', required: true, inTemplate: true },
  { key: 'patronymic', header: 'Отчество', inTemplate: true },
  {
    key: 'email',
    header: 'E-mail',
    aliases: ['email', 'е-mail', 'эл почта', 'электронная почта', 'адрес электронной почты', 'почта'],
    inTemplate: true,
  },
  {
    key: 'phone',
    header: 'Телефон',
    aliases: ['тел', 'номер телефона', 'контактный телефон'],
    inTemplate: true,
  },
  { key: 'birthDate', header: 'Дата рождения', inTemplate: true },
  { key: 'position', header: 'Должность', inTemplate: true },
  {
    key: 'subjects',
    header: 'Предметы (через «;»)',
    aliases: ['предмет', 'учебные предметы'],
    inTemplate: true,
  },
  {
    key: 'experienceStart',
    header: 'Начало педагогического стажа',
    aliases: ['дата начала педагогического стажа', 'начало стажа', 'педагогический стаж с'],
    inTemplate: true,
  },
  {
    key: 'category',
    header: 'Категория',
    aliases: ['квалификационная категория'],
    inTemplate: true,
  },
  {
    key: 'categoryDate',
    header: 'Дата присвоения категории',
    aliases: ['дата категории', 'дата присвоения'],
    inTemplate: true,
  },
  {
    key: 'organization',
    header: 'Организация (краткое наименование)',
    aliases: ['оо', 'образовательная организация', 'краткое наименование организации', 'место работы'],
    inTemplate: true,
  },
  { key: 'status', header: 'Статус', inTemplate: true },
  { key: 'municipality', header: 'Муниципалитет', aliases: ['муниципалитет организации'] },
];

export const ORGANIZATION_COLUMNS: ColumnDef<OrganizationField>[] = [
  {
    key: 'shortName',
    header: 'Краткое наименование',
    required: true,
    aliases: ['краткое название', 'сокращенное наименование'],
    inTemplate: true,
  },
  {
    key: 'fullName',
    header: 'Полное наименование',
    aliases: ['полное название', 'наименование'],
    inTemplate: true,
  },
  { key: 'kind', header: 'Тип', aliases: ['тип организации', 'вид', 'вид организации'], inTemplate: true },
  { key: 'address', header: 'Адрес', aliases: ['юридический адрес', 'фактический адрес'], inTemplate: true },
  { key: 'inn', header: 'ИНН', inTemplate: true },
  {
    key: 'email',
    header: 'E-mail',
    aliases: ['email', 'е-mail', 'эл почта', 'электронная почта', 'почта'],
    inTemplate: true,
  },
  { key: 'phone', header: 'Телефон', aliases: ['тел', 'номер телефона'], inTemplate: true },
  {
    key: 'municipality',
    header: 'Муниципалитет',
    required: true,
    aliases: ['муниципальное образование', 'муниципальный район', 'город', 'район', 'городской округ'],
    inTemplate: true,
  },
  { key: 'region', header: 'Регион', aliases: ['субъект', 'субъект рф'], inTemplate: true },
];

export function columnsOf(kind: ImportKind): ColumnDef[] {
  return kind === 'people' ? PEOPLE_COLUMNS : ORGANIZATION_COLUMNS;
}

/** 'Предметы (через «;»)' → 'предметы'; 'E-mail' → 'email'. */
export function headerKey(s: string): string {
  return looseKey(s)
    .replace(/\(.*?\)/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/^е(?=mail$)/, 'e');
}

export type HeaderMap = { byIndex: Map<number, string>; found: Set<string> };

/** Maps the cells of a header row (index → text) onto column keys; unknown headers are ignored. */
export function mapHeader(columns: ColumnDef[], cells: Map<number, string>): HeaderMap {
  const lookup = new Map<string, string>();
  for (const c of columns) {
    lookup.set(headerKey(c.header), c.key);
    lookup.set(headerKey(c.key), c.key);
    for (const a of c.aliases ?? []) lookup.set(headerKey(a), c.key);
  }
  const byIndex = new Map<number, string>();
  const found = new Set<string>();
  for (const [i, text] of cells) {
    const key = lookup.get(headerKey(text));
    if (key && !found.has(key)) {
      byIndex.set(i, key);
      found.add(key);
    }
  }
  return { byIndex, found };
}

export function headerOf(columns: ColumnDef[], key: string): string {
  return columns.find((c) => c.key === key)?.header ?? key;
}

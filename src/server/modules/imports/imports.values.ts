// Pure parsers for spreadsheet cells: text, dates (dd.mm.yyyy, yyyy-mm-dd, Excel dates), e-mail, phone, INN,
// and the catalogue values (qualification category, organisation kind, person status) by Russian label or code.
import reference from '../../../shared/reference.json';
import {
  ORGANIZATION_KINDS,
  type OrganizationKind,
  PERSON_STATUSES,
  type PersonStatus,
  QUALIFICATION_CATEGORIES,
  type QualificationCategory,
} from '../directory/index.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** The text of an exceljs cell value (rich text, hyperlinks, formulas) or a CSV field; '' when empty. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.replace(/\u00a0/g, ' ').trim();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (v instanceof Date) return isoOfUtc(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return cellText(o.richText.map((p: { text?: string }) => p.text ?? '').join(''));
    if ('text' in o) return cellText(o.text);
    if ('result' in o) return cellText(o.result);
    if ('error' in o) return '';
  }
  return String(v).trim();
}

/** Collapses inner whitespace. */
export function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A key for matching names loosely: lower case, ё→е, one kind of quotes, no spaces around «№». */
export function looseKey(s: string): string {
  return tidy(s)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»“”„"']/g, '"')
    .replace(/№\s*/g, '№');
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function isoOfUtc(d: Date): string {
  // exceljs gives spreadsheet dates as UTC midnight; a time part may carry rounding noise
  const t = new Date(d.getTime() + 30_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function validYmd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A date cell: a real spreadsheet date, an Excel serial number, 'dd.mm.yyyy' or 'yyyy-mm-dd' → 'yyyy-mm-dd'. */
export function parseDate(v: unknown): Parsed<string> {
  const wrong = (s: string) => bad<string>(`Неверная дата «${s}»: ожидается ДД.ММ.ГГГГ`);
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return wrong(String(v));
    const iso = isoOfUtc(v);
    const [y, m, d] = iso.split('-').map(Number);
    return validYmd(y, m, d) ? ok(iso) : wrong(iso);
  }
  if (typeof v === 'number') {
    if (v < 1 || v > 73050) return wrong(String(v));
    // Excel's day 0 is 1899-12-30 (the 1900 leap-year bug is absorbed by the offset)
    return parseDate(new Date(Date.UTC(1899, 11, 30) + Math.round(v * 86400) * 1000));
  }
  const s = cellText(v);
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) {
    const iso = validYmd(Number(m[3]), Number(m[2]), Number(m[1]));
    return iso ? ok(iso) : wrong(s);
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$/.exec(s);
  if (m) {
    const iso = validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : wrong(s);
  }
  if (/^\d+(\.\d+)?$/.test(s)) return parseDate(Number(s));
  return wrong(s);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function parseEmail(v: unknown): Parsed<string> {
  const s = cellText(v)
    .replace(/^mailto:/i, '')
    .toLowerCase();
  if (s.length > 254 || !EMAIL.test(s)) return bad(`Неверный адрес электронной почты «${cellText(v)}»`);
  return ok(s);
}

export function parsePhone(v: unknown): Parsed<string> {
  const s = tidy(cellText(v));
  const digits = s.replace(/\D/g, '');
  if (!/^[\d\s+()\-.,;доб]+$/i.test(s) || digits.length < 5 || digits.length > 20)
    return bad(`Неверный номер телефона «${s}»`);
  return ok(s);
}

/** ИНН: 10 digits (organisation) or 12 (individual) with valid check digits. */
export function parseInn(v: unknown): Parsed<string> {
  const s = cellText(v).replace(/\s/g, '');
  if (!/^\d{10}$|^\d{12}$/.test(s)) return bad(`ИНН «${s}» должен состоять из 10 или 12 цифр`);
  return innChecksumOk(s) ? ok(s) : bad(`ИНН «${s}»: неверная контрольная цифра`);
}

function innDigit(s: string, weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return (sum % 11) % 10;
}

export function innChecksumOk(s: string): boolean {
  if (s.length === 10) return innDigit(s, [2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(s[9]);
  return (
    innDigit(s, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(s[10]) &&
    innDigit(s, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(s[11])
  );
}

/** Completes the first 9 digits of a 10-digit organisation INN with its check digit. */
export function innWithChecksum(first9: string): string {
  return first9 + innDigit(first9, [2, 4, 10, 3, 5, 9, 4, 6, 8]);
}

const refCategories = reference.qualificationCategories as Record<string, string>;
const refKinds = reference.organizationKinds as Record<string, string>;

/** The label a person sees in the template and the catalogue: the part of the reference label before «(». */
export function shortLabel(label: string): string {
  return label.split('(')[0].trim();
}

export const CATEGORY_LABELS: Record<QualificationCategory, string> = {
  none: 'без категории',
  position_compliance: shortLabel(refCategories.position_compliance),
  first: shortLabel(refCategories.first),
  highest: shortLabel(refCategories.highest),
  methodologist: shortLabel(refCategories.methodologist),
  mentor: shortLabel(refCategories.mentor),
};

export const KIND_LABELS = Object.fromEntries(
  ORGANIZATION_KINDS.map((k) => [k, shortLabel(refKinds[k])]),
) as Record<OrganizationKind, string>;

const CATEGORY_ALIASES: Record<string, QualificationCategory> = {
  нет: 'none',
  'без категории': 'none',
  'не имеет': 'none',
  '-': 'none',
  сзд: 'position_compliance',
  соответствие: 'position_compliance',
  'соответствие занимаемой должности': 'position_compliance',
  первая: 'first',
  'первая категория': 'first',
  '1': 'first',
  высшая: 'highest',
  'высшая категория': 'highest',
  'педагог-методист': 'methodologist',
  'педагог-наставник': 'mentor',
};

/** A finder by code, full reference label, its short form or an alias, all compared loosely. */
function finder<T extends string>(
  codes: readonly T[],
  full: Record<string, string>,
  aliases: Record<string, T>,
): (s: string) => T | null {
  const map = new Map<string, T>();
  for (const [k, v] of Object.entries(aliases)) map.set(looseKey(k), v);
  for (const c of codes) {
    map.set(c, c);
    if (full[c]) {
      map.set(looseKey(full[c]), c);
      map.set(looseKey(shortLabel(full[c])), c);
    }
  }
  return (s) => map.get(looseKey(s)) ?? null;
}

const findCategory = finder(
  QUALIFICATION_CATEGORIES,
  { ...refCategories, none: 'без категории' },
  CATEGORY_ALIASES,
);

export function parseCategory(v: unknown): Parsed<QualificationCategory> {
  const s = cellText(v);
  const c = findCategory(s);
  if (!c)
    return bad(
      `Неизвестная категория «${s}»: допустимо ${Object.values(CATEGORY_LABELS)
        .map((l) => `«${l}»`)
        .join(', ')}`,
    );
  return ok(c);
}

const KIND_ALIASES: Record<string, OrganizationKind> = {
  школа: 'school',
  сош: 'school',
  оош: 'school',
  гимназия: 'school',
  лицей: 'school',
  'общеобразовательная организация': 'school',
  'детский сад': 'kindergarten',
  доу: 'kindergarten',
  'дошкольная образовательная организация': 'kindergarten',
  'дополнительное образование': 'additional_education',
  удо: 'additional_education',
  до: 'additional_education',
  'организация дополнительного образования': 'additional_education',
  колледж: 'college',
  техникум: 'college',
  спо: 'college',
  'профессиональная образовательная организация': 'college',
  вуз: 'university',
  университет: 'university',
  институт: 'university',
  'образовательная организация высшего образования': 'university',
  'методический центр': 'methodological_centre',
  имц: 'methodological_centre',
  цнппм: 'methodological_centre',
  рмц: 'methodological_centre',
  иная: 'other',
  'иная организация': 'other',
  другое: 'other',
};

const findKind = finder(ORGANIZATION_KINDS, refKinds, KIND_ALIASES);

export function parseKind(v: unknown): Parsed<OrganizationKind> {
  const s = cellText(v);
  const k = findKind(s);
  if (!k)
    return bad(
      `Неизвестный тип организации «${s}»: допустимо ${Object.values(KIND_LABELS)
        .map((l) => `«${l}»`)
        .join(', ')}`,
    );
  return ok(k);
}

export const STATUS_LABELS: Record<PersonStatus, string> = { active: 'работает', left: 'не работает' };
const STATUS_ALIASES: Record<string, PersonStatus> = {
  работает: 'active',
  активен: 'active',
  активна: 'active',
  действующий: 'active',
  'не работает': 'left',
  уволен: 'left',
  уволена: 'left',
  выбыл: 'left',
  выбыла: 'left',
};

const findStatus = finder(PERSON_STATUSES, STATUS_LABELS, STATUS_ALIASES);

export function parseStatus(v: unknown): Parsed<PersonStatus> {
  const s = cellText(v);
  const st = findStatus(s);
  if (!st) return bad(`Неизвестный статус «${s}»: допустимо «работает» или «не работает»`);
  return ok(st);
}

const refPositions: string[] = reference.positions.items;
const refSubjects: string[] = reference.subjects.items;
const positionByKey = new Map(refPositions.map((p) => [looseKey(p), p]));
const subjectByKey = new Map(refSubjects.map((p) => [looseKey(p), p]));

/** A position: the catalogue's spelling when it matches one, else the text as written. */
export function parsePosition(v: unknown): Parsed<string> {
  const s = tidy(cellText(v));
  if (s.length > 200) return bad('Должность длиннее 200 символов');
  return ok(positionByKey.get(looseKey(s)) ?? s);
}

/** Subjects separated by «;» (or line breaks), in the catalogue's spelling when they match it. */
export function parseSubjects(v: unknown): Parsed<string[]> {
  const parts = cellText(v).split(/[;\n]/).map(tidy).filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    if (p.length > 200) return bad('Название предмета длиннее 200 символов');
    const s = subjectByKey.get(looseKey(p)) ?? p;
    if (!out.includes(s)) out.push(s);
  }
  return ok(out);
}

const NAME = /^[\p{L}][\p{L}\s'’.-]*$/u;
export function parseName(v: unknown, what: string): Parsed<string> {
  const s = tidy(cellText(v));
  if (s.length > 100) return bad(`${what}: длиннее 100 символов`);
  if (!NAME.test(s)) return bad(`${what}: допустимы только буквы, пробел, дефис и апостроф («${s}»)`);
  return ok(s);
}

/** Gender from the patronymic (…вна / …вич), else from the surname's ending; null when unsure. */
export function guessGender(surname: string, patronymic: string | null): 'male' | 'female' | null {
  const p = (patronymic ?? '').toLowerCase();
  if (/(вна|чна|кызы)$/.test(p)) return 'female';
  if (/(вич|ьич|ич|оглы)$/.test(p)) return 'male';
  const s = surname.toLowerCase();
  if (/(ова|ева|ёва|ина|ына|ская|цкая|ая)$/.test(s)) return 'female';
  if (/(ов|ев|ёв|ин|ын|ский|цкий|ой|ый)$/.test(s)) return 'male';
  return null;
}

/** Today in the server's local time, 'yyyy-mm-dd'. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

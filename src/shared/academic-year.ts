// Academic years (учебный год): 1 September – 31 August, written '2025/2026'. Pure helpers for server and web.

export const ACADEMIC_YEAR_PATTERN = /^(\d{4})\/(\d{4})$/;

export type AcademicYearRange = { start: string; end: string };
export type AcademicYearItem = { code: string; start: string; end: string; current: boolean };

/** The year (calendar) and month (1–12) of a date: a 'YYYY-MM-DD…' string is taken as written, a Date in local time. */
function yearMonthOf(date: Date | string): { year: number; month: number } {
  if (typeof date === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    if (!m) throw new RangeError(`Not a date: ${date}`);
    return { year: Number(m[1]), month: Number(m[2]) };
  }
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date');
  return { year: date.getFullYear(), month: date.getMonth() + 1 };
}

function codeStartingIn(year: number): string {
  return `${year}/${year + 1}`;
}

/** The first calendar year of an academic year code: '2026/2027' → 2026. */
export function academicYearStartYear(code: string): number {
  const m = ACADEMIC_YEAR_PATTERN.exec(code);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new RangeError(`Not an academic year: ${code}`);
  return Number(m[1]);
}

export function isAcademicYearCode(code: string): boolean {
  const m = ACADEMIC_YEAR_PATTERN.exec(code);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
}

/** The academic year a date falls in: 31.08.2026 → '2025/2026', 01.09.2026 → '2026/2027'. */
export function academicYearOf(date: Date | string): string {
  const { year, month } = yearMonthOf(date);
  return codeStartingIn(month >= 9 ? year : year - 1);
}

/** First and last day of an academic year: '2026/2027' → { start: '2026-09-01', end: '2027-08-31' }. */
export function academicYearRange(code: string): AcademicYearRange {
  const y = academicYearStartYear(code);
  return { start: `${y}-09-01`, end: `${y + 1}-08-31` };
}

export function currentAcademicYear(now: Date = new Date()): string {
  return academicYearOf(now);
}

/** The academic year `offset` years after (or before, when negative) the given one. */
export function shiftAcademicYear(code: string, offset: number): string {
  return codeStartingIn(academicYearStartYear(code) + offset);
}

/**
 * Academic years around the current one, newest first: `after` years ahead, the current one, `before` years back.
 */
export function academicYearsAround(now: Date = new Date(), before = 5, after = 1): AcademicYearItem[] {
  const current = currentAcademicYear(now);
  const items: AcademicYearItem[] = [];
  for (let offset = after; offset >= -before; offset--) {
    const code = shiftAcademicYear(current, offset);
    items.push({ code, ...academicYearRange(code), current: offset === 0 });
  }
  return items;
}

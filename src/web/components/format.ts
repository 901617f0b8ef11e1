// Formatting helpers for Russian dates and plurals. Pure functions, no React.

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Formats a date as `dd.MM.yyyy`.
 * Accepts `'2026-11-22'` (taken as a calendar date, no time-zone shift), an ISO timestamp
 * (shown in the local time zone) or a `Date`. Empty input gives `''`.
 * @example formatDate('2026-11-22') // '22.11.2026'
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  }
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/**
 * Formats a timestamp as `dd.MM.yyyy HH:mm` in the local time zone.
 * @example formatDateTime('2026-11-22T09:05:00Z') // '22.11.2026 12:05' in Moscow
 */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const ruRules = new Intl.PluralRules('ru-RU');

/**
 * Chooses the Russian plural form for `n` (word only, without the number).
 * Forms: [one, few, many] — «1 педагог», «2 педагога», «5 педагогов». Fractions take the `few` form.
 * @example plural(21, ['педагог', 'педагога', 'педагогов']) // 'педагог'
 * @example plural(12, ['педагог', 'педагога', 'педагогов']) // 'педагогов'
 */
export function plural(n: number, forms: readonly [string, string, string]): string {
  switch (ruRules.select(n)) {
    case 'one':
      return forms[0];
    case 'few':
      return forms[1];
    case 'many':
      return forms[2];
    default:
      return forms[1];
  }
}

/**
 * The number followed by its Russian plural form, with thin grouping of thousands.
 * @example countOf(1250, ['педагог', 'педагога', 'педагогов']) // '1 250 педагогов'
 */
export function countOf(n: number, forms: readonly [string, string, string]): string {
  return `${n.toLocaleString('ru-RU')} ${plural(n, forms)}`;
}

// Wall-clock time in the methodological centre's zone, used by the server (programme, documents, reminders) and
// the web (schedule dialogs). Russia spans eleven zones, so the zone is a setting (ROST_TIME_ZONE), not a constant.

export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** How far the zone's wall clock is ahead of UTC at `at`, in minutes (Moscow: 180). */
export function zoneOffsetMinutes(tz: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** A day 'YYYY-MM-DD' and a time 'HH:mm' on the zone's wall clock → the instant. */
export function instantIn(tz: string, day: string, time: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y!, m! - 1, d!, hh!, mm!);
  // two passes settle the offset also next to a daylight-saving change
  let at = wall - zoneOffsetMinutes(tz, new Date(wall)) * 60_000;
  at = wall - zoneOffsetMinutes(tz, new Date(at)) * 60_000;
  return new Date(at);
}

/** Formatters of one zone: 'HH:mm' and the local day 'YYYY-MM-DD' of an instant. */
export function clockOf(tz: string) {
  const time = new Intl.DateTimeFormat('ru-RU', { timeZone: tz, hour: '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return {
    timeZone: tz,
    hhmm: (d: Date) => time.format(d),
    localDay: (d: Date) => day.format(d),
    instant: (dayIso: string, hhmm: string) => instantIn(tz, dayIso, hhmm),
  };
}
export type Clock = ReturnType<typeof clockOf>;

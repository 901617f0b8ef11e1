// The centre's time zone for the whole process (ROST_TIME_ZONE, default Europe/Moscow): set once when the context
// is created, read by everything that turns instants into wall-clock days and times (programme, documents,
// reminders, demo data). One server serves one centre, so one zone per process is the model.
import { type Clock, clockOf, DEFAULT_TIME_ZONE } from '../../shared/time-zone.js';

let current: Clock = clockOf(DEFAULT_TIME_ZONE);

export function setTimeZone(tz: string): void {
  if (tz !== current.timeZone) current = clockOf(tz);
}

export const timeZone = (): string => current.timeZone;
/** 'HH:mm' on the centre's wall clock. */
export const hhmm = (d: Date): string => current.hhmm(d);
/** The centre's calendar day of an instant, 'YYYY-MM-DD'. */
export const localDay = (d: Date): string => current.localDay(d);
/** A day and 'HH:mm' on the centre's wall clock → the instant. */
export const instantAt = (day: string, time: string): Date => current.instant(day, time);

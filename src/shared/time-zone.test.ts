import { describe, expect, it } from 'vitest';
import { clockOf, instantIn, isValidTimeZone, zoneOffsetMinutes } from './time-zone.js';

describe('S0-5 wall-clock time in the centre’s zone', () => {
  it('S0-5 10:00 in Moscow, Yekaterinburg and Novosibirsk are different instants', () => {
    expect(instantIn('Europe/Moscow', '2026-08-25', '10:00').toISOString()).toBe('2026-08-25T07:00:00.000Z');
    expect(instantIn('Asia/Yekaterinburg', '2026-08-25', '10:00').toISOString()).toBe(
      '2026-08-25T05:00:00.000Z',
    );
    expect(instantIn('Asia/Novosibirsk', '2026-08-25', '10:00').toISOString()).toBe(
      '2026-08-25T03:00:00.000Z',
    );
    expect(instantIn('Europe/Kaliningrad', '2026-01-10', '00:30').toISOString()).toBe(
      '2026-01-09T22:30:00.000Z',
    );
  });

  it('S0-5 a zone with daylight saving gets the offset of the day itself', () => {
    expect(zoneOffsetMinutes('Europe/Berlin', new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes('Europe/Berlin', new Date('2026-07-15T12:00:00Z'))).toBe(120);
    expect(instantIn('Europe/Berlin', '2026-07-15', '09:00').toISOString()).toBe('2026-07-15T07:00:00.000Z');
  });

  it('S0-5 the clock shows times and days on the zone’s wall clock', () => {
    const at = new Date('2026-08-24T21:30:00Z');
    expect(clockOf('Europe/Moscow').hhmm(at)).toBe('00:30');
    expect(clockOf('Europe/Moscow').localDay(at)).toBe('2026-08-25');
    expect(clockOf('Europe/Kaliningrad').localDay(at)).toBe('2026-08-24');
    expect(clockOf('Asia/Vladivostok').hhmm(at)).toBe('07:30');
  });

  it('X-8 unknown zones are recognised as invalid', () => {
    expect(isValidTimeZone('Asia/Novosibirsk')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

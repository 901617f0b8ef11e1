import { describe, expect, it } from 'vitest';
import {
  academicYearOf,
  academicYearRange,
  academicYearsAround,
  currentAcademicYear,
  isAcademicYearCode,
  shiftAcademicYear,
} from './academic-year.js';

describe('X-3 academic years (1 September – 31 August)', () => {
  it('X-3 31 August belongs to the year that ends, 1 September starts the next one', () => {
    expect(academicYearOf('2026-08-31')).toBe('2025/2026');
    expect(academicYearOf('2026-09-01')).toBe('2026/2027');
    expect(academicYearOf(new Date(2026, 7, 31, 23, 59, 59))).toBe('2025/2026');
    expect(academicYearOf(new Date(2026, 8, 1, 0, 0, 0))).toBe('2026/2027');
    expect(academicYearOf('2027-01-15')).toBe('2026/2027');
    expect(academicYearOf('2026-12-31T23:00:00Z')).toBe('2026/2027');
  });

  it('X-3 the range of a year is 1 September to 31 August', () => {
    expect(academicYearRange('2026/2027')).toEqual({ start: '2026-09-01', end: '2027-08-31' });
    expect(() => academicYearRange('2026/2028')).toThrow(RangeError);
    expect(() => academicYearRange('2026-2027')).toThrow(RangeError);
    expect(isAcademicYearCode('2025/2026')).toBe(true);
    expect(isAcademicYearCode('2025/2025')).toBe(false);
    expect(() => academicYearOf('вчера')).toThrow(RangeError);
  });

  it('X-3 the current year and a list around it, newest first', () => {
    const now = new Date(2026, 10, 22);
    expect(currentAcademicYear(now)).toBe('2026/2027');
    expect(shiftAcademicYear('2026/2027', -1)).toBe('2025/2026');
    const items = academicYearsAround(now, 2, 1);
    expect(items.map((i) => i.code)).toEqual(['2027/2028', '2026/2027', '2025/2026', '2024/2025']);
    expect(items.filter((i) => i.current).map((i) => i.code)).toEqual(['2026/2027']);
    expect(items[1]).toEqual({ code: '2026/2027', start: '2026-09-01', end: '2027-08-31', current: true });
  });
});

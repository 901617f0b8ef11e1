// Russian dates and plurals used across the interface (X-9: interface in Russian, dd.MM.yyyy).
import { describe, expect, it } from 'vitest';
import { countOf, formatDate, plural } from './format';

const TEACHER = ['педагог', 'педагога', 'педагогов'] as const;

describe('format', () => {
  it('X-7 formats a calendar date as dd.MM.yyyy without a time-zone shift', () => {
    expect(formatDate('2026-11-22')).toBe('22.11.2026');
    expect(formatDate('2027-01-01')).toBe('01.01.2027');
    expect(formatDate(null)).toBe('');
  });

  it('X-7 chooses Russian plural forms', () => {
    expect(plural(1, TEACHER)).toBe('педагог');
    expect(plural(21, TEACHER)).toBe('педагог');
    expect(plural(2, TEACHER)).toBe('педагога');
    expect(plural(24, TEACHER)).toBe('педагога');
    expect(plural(5, TEACHER)).toBe('педагогов');
    expect(plural(11, TEACHER)).toBe('педагогов');
    expect(plural(12, TEACHER)).toBe('педагогов');
    expect(plural(0, TEACHER)).toBe('педагогов');
    expect(plural(1.5, TEACHER)).toBe('педагога');
  });

  it('X-7 writes a count with its noun', () => {
    expect(countOf(3, TEACHER)).toBe('3 педагога');
    expect(countOf(1250, TEACHER).replace(/\s/g, ' ')).toBe('1 250 педагогов');
  });
});

// The audit log shows before/after as readable rows.
import { describe, expect, it } from 'vitest';
import { diffRows } from './AuditDiff';

describe('audit diff rows', () => {
  it('X-9 an update shows only the fields that changed', () => {
    const rows = diffRows(
      { name: 'Заречный', code: '1', updatedAt: 'a' },
      { name: 'Заречье', code: '1', updatedAt: 'b' },
    );
    expect(rows.map((r) => r.field)).toEqual(['name', 'updatedAt']);
    expect(rows[0]).toEqual({ field: 'name', before: 'Заречный', after: 'Заречье' });
  });

  it('X-9 a creation shows every field of the new record', () => {
    expect(diffRows(null, { name: 'Школа № 5', kind: 'school' }).map((r) => r.field)).toEqual([
      'name',
      'kind',
    ]);
  });

  it('X-9 arrays are compared by value', () => {
    expect(diffRows({ subjects: ['Физика'] }, { subjects: ['Физика'] })).toEqual([]);
  });
});

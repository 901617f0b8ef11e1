import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { academicYearsAround, currentAcademicYear } from '../../../shared/academic-year.js';
import { signInWithoutRoles } from '../directory/directory.test-helpers.js';
import { listAcademicYears } from './academic.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/academic-years', () => {
  it('X-1 anonymous is 401, a user without roles 403', async () => {
    expect((await t.call({ method: 'GET', url: '/api/academic-years' })).status).toBe(401);
    const { cookie } = await signInWithoutRoles(t);
    expect((await t.call({ method: 'GET', url: '/api/academic-years', cookie })).status).toBe(403);
  });

  it('X-8 a bad range is 400', async () => {
    const { cookie } = await signInAs(t, 'teacher');
    for (const qs of ['before=-1', 'after=99', 'before=x']) {
      const r = await t.call({ method: 'GET', url: `/api/academic-years?${qs}`, cookie });
      expect(r.status, qs).toBe(400);
    }
  });

  it('X-3 gives the current academic year and the years around it', async () => {
    const { cookie } = await signInAs(t, 'teacher');
    const r = await t.call({ method: 'GET', url: '/api/academic-years', cookie });
    expect(r.status).toBe(200);
    expect(r.body.current).toBe(currentAcademicYear());
    expect(r.body.items).toEqual(academicYearsAround(new Date(), 5, 1));
    expect(r.body.items.filter((i: any) => i.current)).toHaveLength(1);
    const narrow = await t.call({ method: 'GET', url: '/api/academic-years?before=0&after=0', cookie });
    expect(narrow.body.items).toHaveLength(1);
    expect(narrow.body.items[0].code).toBe(r.body.current);
  });

  it('X-3 the boundary: on 31 August the current year still ends, on 1 September the next starts', () => {
    const actor = {
      userId: 'u',
      email: 'u@e.ru',
      name: 'U',
      personId: null,
      roles: [{ role: 'teacher' as const, scopeType: 'global' as const, scopeId: null }],
    };
    const q = { before: 0, after: 0 };
    expect(listAcademicYears(actor, q, new Date(2026, 7, 31, 12)).current).toBe('2025/2026');
    expect(listAcademicYears(actor, q, new Date(2026, 8, 1, 12)).current).toBe('2026/2027');
    expect(listAcademicYears(actor, q, new Date(2026, 8, 1, 12)).items[0]).toEqual({
      code: '2026/2027',
      start: '2026-09-01',
      end: '2027-08-31',
      current: true,
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { signInWithoutRoles } from './directory.test-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/catalogs', () => {
  it('X-1 anonymous is 401, a user without roles 403', async () => {
    expect((await t.call({ method: 'GET', url: '/api/catalogs' })).status).toBe(401);
    const { cookie } = await signInWithoutRoles(t);
    expect((await t.call({ method: 'GET', url: '/api/catalogs', cookie })).status).toBe(403);
  });

  it('X-2 gives positions, subjects, organisation kinds and qualification categories with Russian labels', async () => {
    const { cookie } = await signInAs(t, 'teacher');
    const r = await t.call({ method: 'GET', url: '/api/catalogs', cookie });
    expect(r.status).toBe(200);
    expect(r.body.positions).toContain('учитель');
    expect(r.body.subjects).toContain('Математика');
    expect(r.body.organizationKinds.map((k: any) => k.code)).toEqual([
      'school',
      'kindergarten',
      'additional_education',
      'college',
      'university',
      'methodological_centre',
      'other',
    ]);
    expect(r.body.organizationKinds[1].label).toMatch(/дошкольная/);
    expect(r.body.qualificationCategories).toEqual([
      { code: 'none', label: 'без категории' },
      { code: 'position_compliance', label: 'соответствие занимаемой должности' },
      { code: 'first', label: 'первая квалификационная категория' },
      { code: 'highest', label: 'высшая квалификационная категория' },
      { code: 'methodologist', label: 'педагог-методист' },
      { code: 'mentor', label: 'педагог-наставник' },
    ]);
  });

  it('X-8 every directory, academic-year and audit-log route is documented in OpenAPI', async () => {
    const r = await t.call({ method: 'GET', url: '/api/openapi.json' });
    expect(r.status).toBe(200);
    const paths = Object.keys(r.body.paths);
    for (const p of [
      '/api/catalogs',
      '/api/regions',
      '/api/regions/{id}',
      '/api/municipalities',
      '/api/municipalities/{id}',
      '/api/organizations',
      '/api/organizations/{id}',
      '/api/organizations/export.xlsx',
      '/api/people',
      '/api/people/{id}',
      '/api/people/{id}/employment',
      '/api/people/export.xlsx',
      '/api/academic-years',
      '/api/audit-log',
    ]) {
      expect(paths, p).toContain(p);
    }
    expect(Object.keys(r.body.paths['/api/people/{id}'])).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
  });
});

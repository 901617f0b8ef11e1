import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildOrganization, buildRegion } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { auditEntry } from '../../platform/platform.tables.js';
import { buildWorld, UNKNOWN_ID, type World } from './directory.test-helpers.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
});

describe('regions', () => {
  it('X-2 X-7 GET /api/regions: 401, 403 without roles, 400 bad query, 200 in ICU order with q', async () => {
    expect((await t.call({ method: 'GET', url: '/api/regions' })).status).toBe(401);
    expect((await t.call({ method: 'GET', url: '/api/regions', cookie: w.noRoles.cookie })).status).toBe(403);
    expect(
      (await t.call({ method: 'GET', url: '/api/regions?sort=size', cookie: w.teacher.cookie })).status,
    ).toBe(400);
    for (const name of [
      'Жуковская область',
      'Ёлкинская область',
      'Абрамовская область',
      'Елкинская область',
    ]) {
      await buildRegion(t, { name, code: name.slice(0, 2) });
    }
    const r = await t.call({
      method: 'GET',
      url: `/api/regions?q=${encodeURIComponent('ская обл')}`,
      cookie: w.teacher.cookie,
    });
    expect(r.status).toBe(200);
    expect(r.body.items.map((x: any) => x.name)).toEqual([
      'Абрамовская область',
      'Елкинская область',
      'Ёлкинская область',
      'Жуковская область',
    ]);
    expect(r.body.items[0]).toEqual({ id: expect.any(String), name: 'Абрамовская область', code: 'Аб' });
    const byCode = await t.call({
      method: 'GET',
      url: '/api/regions?sort=code&order=desc',
      cookie: w.teacher.cookie,
    });
    expect(byCode.status).toBe(200);
  });

  it('X-2 GET /api/regions/:id: 401, 403, 400, 404, 200', async () => {
    const url = `/api/regions/${w.region.id}`;
    expect((await t.call({ method: 'GET', url })).status).toBe(401);
    expect((await t.call({ method: 'GET', url, cookie: w.noRoles.cookie })).status).toBe(403);
    expect((await t.call({ method: 'GET', url: '/api/regions/1', cookie: w.teacher.cookie })).status).toBe(
      400,
    );
    const nf = await t.call({ method: 'GET', url: `/api/regions/${UNKNOWN_ID}`, cookie: w.teacher.cookie });
    expect(nf.status).toBe(404);
    expect(nf.body.error.code).toBe('REGION_NOT_FOUND');
    const ok = await t.call({ method: 'GET', url, cookie: w.teacher.cookie });
    expect(ok.body).toMatchObject({ id: w.region.id, name: w.region.name });
  });

  it('X-2 POST /api/regions: 401, 403 for a methodologist, 400, 201 audited, 409 on a taken name', async () => {
    expect((await t.call({ method: 'POST', url: '/api/regions', payload: { name: 'Новая' } })).status).toBe(
      401,
    );
    const m = await t.call({
      method: 'POST',
      url: '/api/regions',
      payload: { name: 'Новая' },
      cookie: w.methRegion.cookie,
    });
    expect(m.status).toBe(403);
    const bad = await t.call({
      method: 'POST',
      url: '/api/regions',
      payload: { name: '' },
      cookie: w.admin.cookie,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].message).toMatch(/Укажите название региона/);
    const ok = await t.call({
      method: 'POST',
      url: '/api/regions',
      payload: { name: 'Ленинградская область', code: '47' },
      cookie: w.admin.cookie,
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ name: 'Ленинградская область', code: '47' });
    const [entry] = await t.ctx.db.select().from(auditEntry).where(eq(auditEntry.entityId, ok.body.id));
    expect(entry).toMatchObject({ entity: 'region', action: 'create', before: null });
    const dup = await t.call({
      method: 'POST',
      url: '/api/regions',
      payload: { name: 'Ленинградская область' },
      cookie: w.admin.cookie,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('REGION_NAME_TAKEN');
  });

  it('X-2 PATCH /api/regions/:id: 401, 403, 400, 404, 200 audited', async () => {
    const region = await buildRegion(t);
    const url = `/api/regions/${region.id}`;
    expect((await t.call({ method: 'PATCH', url, payload: { code: '1' } })).status).toBe(401);
    expect(
      (await t.call({ method: 'PATCH', url, payload: { code: '1' }, cookie: w.methRegion.cookie })).status,
    ).toBe(403);
    expect(
      (await t.call({ method: 'PATCH', url, payload: { name: 5 }, cookie: w.admin.cookie })).status,
    ).toBe(400);
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/api/regions/${UNKNOWN_ID}`,
          payload: { code: '1' },
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(404);
    const ok = await t.call({ method: 'PATCH', url, payload: { code: '78' }, cookie: w.admin.cookie });
    expect(ok.status).toBe(200);
    expect(ok.body.code).toBe('78');
    const [entry] = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entityId, region.id), eq(auditEntry.action, 'update')));
    expect(entry.before).toMatchObject({ code: null });
    expect(entry.after).toMatchObject({ code: '78' });
  });

  it('X-2 DELETE /api/regions/:id: 401, 403, 404, 409 IN_USE with municipalities, 200', async () => {
    expect((await t.call({ method: 'DELETE', url: `/api/regions/${w.region.id}` })).status).toBe(401);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/regions/${w.region.id}`, cookie: w.methRegion.cookie }))
        .status,
    ).toBe(403);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/regions/${UNKNOWN_ID}`, cookie: w.admin.cookie })).status,
    ).toBe(404);
    const used = await t.call({
      method: 'DELETE',
      url: `/api/regions/${w.region.id}`,
      cookie: w.admin.cookie,
    });
    expect(used.status).toBe(409);
    expect(used.body.error.code).toBe('IN_USE');
    const empty = await buildRegion(t);
    const ok = await t.call({ method: 'DELETE', url: `/api/regions/${empty.id}`, cookie: w.admin.cookie });
    expect(ok.status).toBe(200);
    const [entry] = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entityId, empty.id), eq(auditEntry.action, 'delete')));
    expect(entry.before).toMatchObject({ name: empty.name });
  });
});

describe('municipalities', () => {
  it('X-2 X-7 GET /api/municipalities: 401, 403, 400, 200 filtered by region in ICU order', async () => {
    expect((await t.call({ method: 'GET', url: '/api/municipalities' })).status).toBe(401);
    expect(
      (await t.call({ method: 'GET', url: '/api/municipalities', cookie: w.noRoles.cookie })).status,
    ).toBe(403);
    expect(
      (await t.call({ method: 'GET', url: '/api/municipalities?regionId=1', cookie: w.teacher.cookie }))
        .status,
    ).toBe(400);
    const region = await buildRegion(t);
    for (const name of ['Жуковский район', 'Ёлкинский район', 'Абрамовский район', 'Елкинский район']) {
      await buildMunicipality(t, { regionId: region.id, name });
    }
    const r = await t.call({
      method: 'GET',
      url: `/api/municipalities?regionId=${region.id}`,
      cookie: w.teacher.cookie,
    });
    expect(r.body.items.map((m: any) => m.name)).toEqual([
      'Абрамовский район',
      'Елкинский район',
      'Ёлкинский район',
      'Жуковский район',
    ]);
    expect(r.body.items[0]).toMatchObject({ regionId: region.id, regionName: region.name });
    const q = await t.call({
      method: 'GET',
      url: `/api/municipalities?q=${encodeURIComponent('лкинск')}`,
      cookie: w.teacher.cookie,
    });
    expect(q.body.total).toBe(2);
    const byRegion = await t.call({
      method: 'GET',
      url: '/api/municipalities?sort=region',
      cookie: w.teacher.cookie,
    });
    expect(byRegion.status).toBe(200);
  });

  it('X-2 GET /api/municipalities/:id: 401, 403, 400, 404, 200', async () => {
    const url = `/api/municipalities/${w.muniA.id}`;
    expect((await t.call({ method: 'GET', url })).status).toBe(401);
    expect((await t.call({ method: 'GET', url, cookie: w.noRoles.cookie })).status).toBe(403);
    expect(
      (await t.call({ method: 'GET', url: '/api/municipalities/zz', cookie: w.teacher.cookie })).status,
    ).toBe(400);
    expect(
      (await t.call({ method: 'GET', url: `/api/municipalities/${UNKNOWN_ID}`, cookie: w.teacher.cookie }))
        .status,
    ).toBe(404);
    const ok = await t.call({ method: 'GET', url, cookie: w.teacher.cookie });
    expect(ok.body).toEqual({
      id: w.muniA.id,
      name: w.muniA.name,
      regionId: w.region.id,
      regionName: w.region.name,
    });
  });

  it('X-2 POST /api/municipalities: 401, 403, 400, 400 UNKNOWN_REGION, 201 audited, 409 taken', async () => {
    const payload = { regionId: w.region.id, name: 'Новый район' };
    expect((await t.call({ method: 'POST', url: '/api/municipalities', payload })).status).toBe(401);
    expect(
      (await t.call({ method: 'POST', url: '/api/municipalities', payload, cookie: w.methA.cookie })).status,
    ).toBe(403);
    expect(
      (
        await t.call({
          method: 'POST',
          url: '/api/municipalities',
          payload: { name: 'x' },
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(400);
    const unknown = await t.call({
      method: 'POST',
      url: '/api/municipalities',
      payload: { regionId: UNKNOWN_ID, name: 'x' },
      cookie: w.admin.cookie,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('UNKNOWN_REGION');
    const ok = await t.call({ method: 'POST', url: '/api/municipalities', payload, cookie: w.admin.cookie });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ name: 'Новый район', regionId: w.region.id, regionName: w.region.name });
    const [entry] = await t.ctx.db.select().from(auditEntry).where(eq(auditEntry.entityId, ok.body.id));
    expect(entry).toMatchObject({ entity: 'municipality', action: 'create' });
    const dup = await t.call({ method: 'POST', url: '/api/municipalities', payload, cookie: w.admin.cookie });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('MUNICIPALITY_NAME_TAKEN');
  });

  it('X-2 PATCH /api/municipalities/:id: 401, 403, 400, 404, 200 audited', async () => {
    const m = await buildMunicipality(t, { regionId: w.region.id });
    const url = `/api/municipalities/${m.id}`;
    expect((await t.call({ method: 'PATCH', url, payload: { name: 'Иной' } })).status).toBe(401);
    expect(
      (await t.call({ method: 'PATCH', url, payload: { name: 'Иной' }, cookie: w.methRegion.cookie })).status,
    ).toBe(403);
    expect(
      (await t.call({ method: 'PATCH', url, payload: { name: '' }, cookie: w.admin.cookie })).status,
    ).toBe(400);
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/api/municipalities/${UNKNOWN_ID}`,
          payload: { name: 'x' },
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(404);
    const ok = await t.call({
      method: 'PATCH',
      url,
      payload: { name: 'Иной район', regionId: w.region2.id },
      cookie: w.admin.cookie,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'Иной район', regionId: w.region2.id, regionName: w.region2.name });
    const [entry] = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entityId, m.id), eq(auditEntry.action, 'update')));
    expect(entry.before).toMatchObject({ name: m.name, regionId: w.region.id });
    expect(entry.after).toMatchObject({ name: 'Иной район', regionId: w.region2.id });
  });

  it('X-2 DELETE /api/municipalities/:id: 401, 403, 404, 409 IN_USE, 200', async () => {
    const m = await buildMunicipality(t, { regionId: w.region.id });
    await buildOrganization(t, { municipalityId: m.id });
    const url = `/api/municipalities/${m.id}`;
    expect((await t.call({ method: 'DELETE', url })).status).toBe(401);
    expect((await t.call({ method: 'DELETE', url, cookie: w.methA.cookie })).status).toBe(403);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/municipalities/${UNKNOWN_ID}`, cookie: w.admin.cookie }))
        .status,
    ).toBe(404);
    const used = await t.call({ method: 'DELETE', url, cookie: w.admin.cookie });
    expect(used.status).toBe(409);
    expect(used.body.error).toMatchObject({ code: 'IN_USE', details: { organizations: 1 } });
    const empty = await buildMunicipality(t, { regionId: w.region.id });
    expect(
      (await t.call({ method: 'DELETE', url: `/api/municipalities/${empty.id}`, cookie: w.admin.cookie }))
        .status,
    ).toBe(200);
  });
});

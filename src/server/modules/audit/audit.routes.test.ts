import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, signInAs } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { audit } from '../../platform/audit.js';
import { auditEntry } from '../../platform/platform.tables.js';

let t: TestApp;
let admin: { cookie: string; userId: string };
beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, 'admin');
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/audit-log', () => {
  it('X-1 anonymous is 401; a teacher and a methodologist are 403', async () => {
    expect((await t.call({ method: 'GET', url: '/api/audit-log' })).status).toBe(401);
    for (const role of ['teacher', 'methodologist'] as const) {
      const { cookie } = await signInAs(t, role);
      const r = await t.call({ method: 'GET', url: '/api/audit-log', cookie });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('X-8 bad filters are 400', async () => {
    for (const qs of ['action=read', 'from=yesterday', 'to=2026-13-01', 'pageSize=0']) {
      const r = await t.call({ method: 'GET', url: `/api/audit-log?${qs}`, cookie: admin.cookie });
      expect(r.status, qs).toBe(400);
    }
  });

  it('X-9 a change made through the API appears with actor, time, entity and before/after, newest first', async () => {
    const muni = await buildMunicipality(t);
    const created = await t.call({
      method: 'POST',
      url: '/api/organizations',
      payload: {
        kind: 'school',
        shortName: 'Школа № 1',
        fullName: 'Средняя школа № 1',
        municipalityId: muni.id,
      },
      cookie: admin.cookie,
    });
    const id = created.body.id;
    await t.call({
      method: 'PATCH',
      url: `/api/organizations/${id}`,
      payload: { address: 'ул. Мира, 1' },
      cookie: admin.cookie,
    });
    const r = await t.call({
      method: 'GET',
      url: `/api/audit-log?entity=organization&entityId=${id}`,
      cookie: admin.cookie,
    });
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(2);
    const [update, create] = r.body.items;
    expect(update).toMatchObject({
      action: 'update',
      entity: 'organization',
      entityId: id,
      actorUserId: admin.userId,
      actorName: 'Тест admin',
      before: { address: null, shortName: 'Школа № 1' },
      after: { address: 'ул. Мира, 1' },
    });
    expect(Date.parse(update.at)).not.toBeNaN();
    expect(create).toMatchObject({ action: 'create', before: null, after: { shortName: 'Школа № 1' } });
    const asc = await t.call({
      method: 'GET',
      url: `/api/audit-log?entityId=${id}&order=asc`,
      cookie: admin.cookie,
    });
    expect(asc.body.items.map((e: any) => e.action)).toEqual(['create', 'update']);
  });

  it('X-9 filters by actor, action and period; paginates', async () => {
    const other = await signInAs(t, 'admin');
    await t.ctx.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) {
        await audit(
          tx,
          { userId: other.userId, email: other.email, name: 'Другой', personId: null, roles: [] },
          'delete',
          'thing',
          `t-${i}`,
          { n: i },
          null,
        );
      }
    });
    await t.ctx.db.insert(auditEntry).values({
      at: new Date('2020-03-15T10:00:00Z'),
      actorUserId: other.userId,
      actorName: 'Другой',
      action: 'update',
      entity: 'thing',
      entityId: 'old',
    });
    const byActor = await t.call({
      method: 'GET',
      url: `/api/audit-log?actorUserId=${other.userId}&action=delete`,
      cookie: admin.cookie,
    });
    expect(byActor.body.total).toBe(3);
    const page = await t.call({
      method: 'GET',
      url: `/api/audit-log?actorUserId=${other.userId}&action=delete&pageSize=2&page=2`,
      cookie: admin.cookie,
    });
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(1);
    const period = await t.call({
      method: 'GET',
      url: '/api/audit-log?entity=thing&from=2020-03-15&to=2020-03-15',
      cookie: admin.cookie,
    });
    expect(period.body.items.map((e: any) => e.entityId)).toEqual(['old']);
    const exact = await t.call({
      method: 'GET',
      url: `/api/audit-log?entity=thing&from=${encodeURIComponent('2020-03-15T09:00:00Z')}&to=${encodeURIComponent('2020-03-15T10:00:00Z')}`,
      cookie: admin.cookie,
    });
    expect(exact.body.total).toBe(1);
    const before = await t.call({
      method: 'GET',
      url: '/api/audit-log?entity=thing&to=2020-03-14',
      cookie: admin.cookie,
    });
    expect(before.body.total).toBe(0);
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildOrganization, buildPerson } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { auditEntry } from '../../platform/platform.tables.js';
import { todayIso } from './directory.schemas.js';
import { buildWorld, downloadXlsx, UNKNOWN_ID, type World } from './directory.test-helpers.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
});

const body = (o: Record<string, unknown> = {}) => ({
  kind: 'school',
  shortName: `МБОУ «Лицей № ${Math.floor(Math.random() * 1e6)}»`,
  fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Лицей»',
  municipalityId: w.muniA.id,
  ...o,
});

describe('GET /api/organizations', () => {
  it('X-1 X-8 401 anonymous, 403 without roles, 400 bad query', async () => {
    expect((await t.call({ method: 'GET', url: '/api/organizations' })).status).toBe(401);
    expect(
      (await t.call({ method: 'GET', url: '/api/organizations', cookie: w.noRoles.cookie })).status,
    ).toBe(403);
    for (const qs of ['kind=castle', 'sort=inn', 'municipalityId=1', 'page=0']) {
      const r = await t.call({ method: 'GET', url: `/api/organizations?${qs}`, cookie: w.teacher.cookie });
      expect(r.status, qs).toBe(400);
    }
  });

  it('X-2 X-7 a teacher lists organisations with municipality, region and people count, in ICU order', async () => {
    const muni = await buildMunicipality(t, { regionId: w.region.id });
    const names = ['Школа Жуковская', 'Школа Ёлкинская', 'Школа Абрамовская', 'Школа Елкинская'];
    const orgs = [];
    for (const shortName of names)
      orgs.push(await buildOrganization(t, { municipalityId: muni.id, shortName }));
    await buildPerson(t, { organizationId: orgs[0].id });
    await buildPerson(t, { organizationId: orgs[0].id });
    await buildPerson(t, { organizationId: orgs[0].id, status: 'left' });
    const r = await t.call({
      method: 'GET',
      url: `/api/organizations?municipalityId=${muni.id}`,
      cookie: w.teacher.cookie,
    });
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(4);
    expect(r.body.items.map((o: any) => o.shortName)).toEqual([
      'Школа Абрамовская',
      'Школа Елкинская',
      'Школа Ёлкинская',
      'Школа Жуковская',
    ]);
    const zhukov = r.body.items[3];
    expect(zhukov).toMatchObject({
      municipalityId: muni.id,
      municipalityName: muni.name,
      regionId: w.region.id,
      regionName: w.region.name,
      peopleCount: 2,
      canEdit: false,
    });
  });

  it('X-2 q matches the short or the full name; filters by kind and region; sorts by kind and municipality', async () => {
    await buildOrganization(t, {
      municipalityId: w.muniC.id,
      kind: 'kindergarten',
      shortName: 'МБДОУ № 7',
      fullName: 'Детский сад «Солнышко»',
    });
    const byFull = await t.call({
      method: 'GET',
      url: `/api/organizations?q=${encodeURIComponent('солныш')}`,
      cookie: w.teacher.cookie,
    });
    expect(byFull.body.items.map((o: any) => o.shortName)).toEqual(['МБДОУ № 7']);
    const byShort = await t.call({
      method: 'GET',
      url: `/api/organizations?q=${encodeURIComponent('мбдоу № 7')}`,
      cookie: w.teacher.cookie,
    });
    expect(byShort.body.total).toBe(1);
    const kind = await t.call({
      method: 'GET',
      url: `/api/organizations?kind=kindergarten&regionId=${w.region2.id}`,
      cookie: w.teacher.cookie,
    });
    expect(kind.body.items.map((o: any) => o.shortName)).toEqual(['МБДОУ № 7']);
    const byKind = await t.call({
      method: 'GET',
      url: `/api/organizations?municipalityId=${w.muniC.id}&sort=kind`,
      cookie: w.teacher.cookie,
    });
    expect(byKind.body.items.map((o: any) => o.kind)).toEqual(['school', 'kindergarten']);
    const byMuni = await t.call({
      method: 'GET',
      url: '/api/organizations?sort=municipality&order=desc',
      cookie: w.teacher.cookie,
    });
    expect(byMuni.status).toBe(200);
    const byFullName = await t.call({
      method: 'GET',
      url: '/api/organizations?sort=fullName',
      cookie: w.teacher.cookie,
    });
    expect(byFullName.status).toBe(200);
  });

  it('X-1 canEdit reflects the scope', async () => {
    const view = async (cookie: string, id: string) =>
      (await t.call({ method: 'GET', url: `/api/organizations/${id}`, cookie })).body.canEdit;
    expect(await view(w.headA1.cookie, w.orgA1.id)).toBe(true);
    expect(await view(w.headA1.cookie, w.orgA2.id)).toBe(false);
    expect(await view(w.methA.cookie, w.orgA2.id)).toBe(true);
    expect(await view(w.methA.cookie, w.orgB1.id)).toBe(false);
    expect(await view(w.methRegion.cookie, w.orgB1.id)).toBe(true);
    expect(await view(w.methRegion.cookie, w.orgC1.id)).toBe(false);
    expect(await view(w.admin.cookie, w.orgC1.id)).toBe(true);
  });
});

describe('GET /api/organizations/:id', () => {
  it('X-2 401, 403, 400, 404 and 200', async () => {
    const url = `/api/organizations/${w.orgA1.id}`;
    expect((await t.call({ method: 'GET', url })).status).toBe(401);
    expect((await t.call({ method: 'GET', url, cookie: w.noRoles.cookie })).status).toBe(403);
    expect(
      (await t.call({ method: 'GET', url: '/api/organizations/x', cookie: w.teacher.cookie })).status,
    ).toBe(400);
    const nf = await t.call({
      method: 'GET',
      url: `/api/organizations/${UNKNOWN_ID}`,
      cookie: w.teacher.cookie,
    });
    expect(nf.status).toBe(404);
    expect(nf.body.error.code).toBe('ORGANIZATION_NOT_FOUND');
    const ok = await t.call({ method: 'GET', url, cookie: w.teacher.cookie });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      id: w.orgA1.id,
      shortName: w.orgA1.shortName,
      municipalityId: w.muniA.id,
    });
  });
});

describe('POST /api/organizations', () => {
  it('X-1 anonymous is 401', async () => {
    expect((await t.call({ method: 'POST', url: '/api/organizations', payload: body() })).status).toBe(401);
  });

  it('X-1 teachers, organisation heads, organisation-scoped methodologists and other municipalities are 403', async () => {
    for (const who of [w.teacher, w.headA1, w.methA1]) {
      const r = await t.call({
        method: 'POST',
        url: '/api/organizations',
        payload: body(),
        cookie: who.cookie,
      });
      expect(r.status).toBe(403);
    }
    const other = await t.call({
      method: 'POST',
      url: '/api/organizations',
      payload: body({ municipalityId: w.muniB.id }),
      cookie: w.methA.cookie,
    });
    expect(other.status).toBe(403);
  });

  it('X-8 invalid bodies are 400; an unknown municipality is 400 UNKNOWN_MUNICIPALITY', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'castle' }, 'body.kind'],
      [{ shortName: '   ' }, 'body.shortName'],
      [{ email: 'school@' }, 'body.email'],
      [{ inn: '12345' }, 'body.inn'],
      [{ municipalityId: 'nope' }, 'body.municipalityId'],
    ];
    for (const [o, path] of cases) {
      const r = await t.call({
        method: 'POST',
        url: '/api/organizations',
        payload: body(o),
        cookie: w.admin.cookie,
      });
      expect(r.status, path).toBe(400);
      expect(r.body.error.details.map((d: any) => d.path)).toContain(path);
    }
    const unknown = await t.call({
      method: 'POST',
      url: '/api/organizations',
      payload: body({ municipalityId: UNKNOWN_ID }),
      cookie: w.admin.cookie,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('UNKNOWN_MUNICIPALITY');
  });

  it('X-2 a municipality methodologist adds an organisation: 201, audited; the same short name again is 409', async () => {
    const payload = body({ inn: '4703000000', email: 'Lyceum@Example.ru', address: 'ул. Ленина, 1' });
    const r = await t.call({ method: 'POST', url: '/api/organizations', payload, cookie: w.methA.cookie });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'school',
      shortName: payload.shortName,
      inn: '4703000000',
      email: 'lyceum@example.ru',
      municipalityName: w.muniA.name,
      peopleCount: 0,
      canEdit: true,
    });
    const [entry] = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entity, 'organization'), eq(auditEntry.entityId, r.body.id)));
    expect(entry).toMatchObject({ action: 'create', before: null, actorUserId: w.methA.userId });
    const again = await t.call({
      method: 'POST',
      url: '/api/organizations',
      payload,
      cookie: w.methA.cookie,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ORGANIZATION_NAME_TAKEN');
  });
});

describe('PATCH /api/organizations/:id', () => {
  it('X-1 X-8 401, 400, 404', async () => {
    const org = await buildOrganization(t, { municipalityId: w.muniA.id });
    const url = `/api/organizations/${org.id}`;
    expect((await t.call({ method: 'PATCH', url, payload: { address: 'x' } })).status).toBe(401);
    expect(
      (await t.call({ method: 'PATCH', url, payload: { kind: 'castle' }, cookie: w.admin.cookie })).status,
    ).toBe(400);
    const nf = await t.call({
      method: 'PATCH',
      url: `/api/organizations/${UNKNOWN_ID}`,
      payload: { address: 'x' },
      cookie: w.admin.cookie,
    });
    expect(nf.status).toBe(404);
    const unknownMuni = await t.call({
      method: 'PATCH',
      url,
      payload: { municipalityId: UNKNOWN_ID },
      cookie: w.admin.cookie,
    });
    expect(unknownMuni.status).toBe(400);
    expect(unknownMuni.body.error.code).toBe('UNKNOWN_MUNICIPALITY');
  });

  it('X-1 out-of-scope editors are 403; the head edits the own organisation but cannot move it', async () => {
    for (const who of [w.methA, w.headA1, w.methA1, w.teacher]) {
      const r = await t.call({
        method: 'PATCH',
        url: `/api/organizations/${w.orgB1.id}`,
        payload: { address: 'ул. Чужая, 1' },
        cookie: who.cookie,
      });
      expect(r.status).toBe(403);
    }
    const own = await t.call({
      method: 'PATCH',
      url: `/api/organizations/${w.orgA1.id}`,
      payload: { address: 'ул. Школьная, 5', phone: '+7 (812) 555-10-10' },
      cookie: w.headA1.cookie,
    });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ address: 'ул. Школьная, 5', phone: '+7 (812) 555-10-10' });
    const move = await t.call({
      method: 'PATCH',
      url: `/api/organizations/${w.orgA1.id}`,
      payload: { municipalityId: w.muniB.id },
      cookie: w.headA1.cookie,
    });
    expect(move.status).toBe(403);
  });

  it('X-2 X-9 an admin moves an organisation; the change is audited with before and after', async () => {
    const org = await buildOrganization(t, { municipalityId: w.muniA.id });
    const r = await t.call({
      method: 'PATCH',
      url: `/api/organizations/${org.id}`,
      payload: { municipalityId: w.muniB.id, kind: 'college' },
      cookie: w.admin.cookie,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      municipalityId: w.muniB.id,
      municipalityName: w.muniB.name,
      kind: 'college',
    });
    const [entry] = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entityId, org.id), eq(auditEntry.action, 'update')));
    expect(entry.before).toMatchObject({ municipalityId: w.muniA.id, kind: 'school' });
    expect(entry.after).toMatchObject({ municipalityId: w.muniB.id, kind: 'college' });
  });
});

describe('DELETE /api/organizations/:id', () => {
  it('X-1 X-8 401, 403 (head, organisation methodologist, other municipality), 404', async () => {
    const org = await buildOrganization(t, { municipalityId: w.muniB.id });
    const url = `/api/organizations/${org.id}`;
    expect((await t.call({ method: 'DELETE', url })).status).toBe(401);
    expect((await t.call({ method: 'DELETE', url, cookie: w.methA.cookie })).status).toBe(403);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/organizations/${w.orgA1.id}`, cookie: w.headA1.cookie }))
        .status,
    ).toBe(403);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/organizations/${w.orgA1.id}`, cookie: w.methA1.cookie }))
        .status,
    ).toBe(403);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/organizations/${UNKNOWN_ID}`, cookie: w.admin.cookie }))
        .status,
    ).toBe(404);
  });

  it('X-2 an organisation with people (or past employment) is 409 IN_USE', async () => {
    const org = await buildOrganization(t, { municipalityId: w.muniA.id });
    await buildPerson(t, { organizationId: org.id });
    const r = await t.call({ method: 'DELETE', url: `/api/organizations/${org.id}`, cookie: w.methA.cookie });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('IN_USE');
    expect(r.body.error.details).toMatchObject({ people: 1 });

    const past = await buildOrganization(t, { municipalityId: w.muniA.id });
    const p = await t.call({
      method: 'POST',
      url: '/api/people',
      payload: { surname: 'Ушедшая', name: 'Ирина', organizationId: past.id },
      cookie: w.methA.cookie,
    });
    await t.call({
      method: 'PATCH',
      url: `/api/people/${p.body.id}`,
      payload: { organizationId: w.orgA1.id },
      cookie: w.methA.cookie,
    });
    const r2 = await t.call({
      method: 'DELETE',
      url: `/api/organizations/${past.id}`,
      cookie: w.methA.cookie,
    });
    expect(r2.status).toBe(409);
    expect(r2.body.error.details).toMatchObject({ people: 0, employments: 1 });
  });

  it('X-2 a municipality methodologist deletes an empty organisation; audited', async () => {
    const org = await buildOrganization(t, { municipalityId: w.muniA.id });
    const r = await t.call({ method: 'DELETE', url: `/api/organizations/${org.id}`, cookie: w.methA.cookie });
    expect(r.status).toBe(200);
    expect(
      (await t.call({ method: 'GET', url: `/api/organizations/${org.id}`, cookie: w.admin.cookie })).status,
    ).toBe(404);
    const [entry] = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entityId, org.id), eq(auditEntry.action, 'delete')));
    expect(entry.before).toMatchObject({ shortName: org.shortName });
  });
});

describe('GET /api/organizations/export.xlsx', () => {
  it('X-1 X-8 401 anonymous, 403 without roles, 400 bad filters', async () => {
    expect((await t.call({ method: 'GET', url: '/api/organizations/export.xlsx' })).status).toBe(401);
    expect(
      (await t.call({ method: 'GET', url: '/api/organizations/export.xlsx', cookie: w.noRoles.cookie }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.call({
          method: 'GET',
          url: '/api/organizations/export.xlsx?kind=x',
          cookie: w.teacher.cookie,
        })
      ).status,
    ).toBe(400);
  });

  it('X-2 X-6 exports the filtered list with Russian headers, a dated name, bold filterable header', async () => {
    const muni = await buildMunicipality(t, { regionId: w.region2.id });
    await buildOrganization(t, { municipalityId: muni.id, shortName: 'Школа Б', inn: '7800000000' });
    const a = await buildOrganization(t, {
      municipalityId: muni.id,
      shortName: 'Гимназия А',
      kind: 'school',
    });
    await buildPerson(t, { organizationId: a.id });
    await buildOrganization(t, { municipalityId: muni.id, shortName: 'Детсад В', kind: 'kindergarten' });
    const x = await downloadXlsx(
      t,
      `/api/organizations/export.xlsx?municipalityId=${muni.id}&kind=school`,
      w.teacher.cookie,
    );
    expect(x.status).toBe(200);
    expect(x.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(x.headers['content-disposition']).toContain(`filename="organizations-${todayIso()}.xlsx"`);
    expect(x.sheetName).toBe('Организации');
    expect(x.headerBold).toBe(true);
    expect(x.autoFilter).toBeTruthy();
    expect(x.header).toEqual([
      'Краткое наименование',
      'Полное наименование',
      'Тип',
      'Муниципалитет',
      'Регион',
      'Адрес',
      'ИНН',
      'Электронная почта',
      'Телефон',
      'Работающих педагогов',
    ]);
    expect(x.rows.map((r) => r[0])).toEqual(['Гимназия А', 'Школа Б']);
    expect(x.rows[0][2]).toBe('общеобразовательная организация (школа, гимназия, лицей)');
    expect(x.rows[0][3]).toBe(muni.name);
    expect(x.rows[0][9]).toBe(1);
    expect(x.rows[1][6]).toBe('7800000000');
  });
});

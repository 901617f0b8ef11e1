import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, signInAs } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { person } from '../directory/index.js';
import {
  buildImportWorld,
  csvOf,
  type ImportWorld,
  importFile,
  ORGANIZATION_HEADER,
  upload,
  waitForJob,
  xlsxOf,
} from './imports.testing.js';

let t: TestApp;
let w: ImportWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildImportWorld(t);
});
afterAll(async () => {
  await t.close();
});

describe('X-2 import access', () => {
  it('X-1 X-2 methodologist: rows outside their municipality are rejected, the rest imported', async () => {
    const m = await signInAs(t, 'methodologist', { scopeType: 'municipality', scopeId: w.muniA.id });
    const file = await xlsxOf([
      ['Фамилия', 'Имя', 'E-mail', 'Организация (краткое наименование)'],
      ['Орлова', 'Вера', 'orlova@example.ru', 'МАОУ СОШ № 1'],
      ['Орлов', 'Олег', 'orlov@example.ru', 'МАОУ СОШ № 9'],
      ['Гусева', 'Алла', 'guseva@example.ru', ''],
    ]);
    const job = await importFile(t, m.cookie, 'people', { name: 'scope.xlsx', data: file });
    expect(job).toMatchObject({ created: 1, skipped: 2 });
    expect(job.errors).toEqual([
      {
        row: 3,
        column: 'Организация (краткое наименование)',
        message: 'Нет прав на организацию «МАОУ СОШ № 9»',
      },
      {
        row: 4,
        column: 'Организация (краткое наименование)',
        message: expect.stringMatching(/Укажите организацию/),
      },
    ]);
  });

  it('X-1 X-2 methodologist cannot change a person of another municipality matched by e-mail', async () => {
    await buildPerson(t, { email: 'outsider@example.ru', organizationId: w.orgB.id });
    const m = await signInAs(t, 'methodologist', { scopeType: 'municipality', scopeId: w.muniA.id });
    const file = await xlsxOf([
      ['Фамилия', 'Имя', 'E-mail', 'Организация (краткое наименование)'],
      ['Иванова', 'Мария', 'outsider@example.ru', 'МАОУ СОШ № 1'],
    ]);
    const job = await importFile(t, m.cookie, 'people', { name: 'steal.xlsx', data: file });
    expect(job).toMatchObject({ created: 0, updated: 0, skipped: 1 });
    expect(job.errors[0].message).toMatch(/Нет прав на организацию «МАОУ СОШ № 9»/);
  });

  it('X-1 X-2 organisation head imports people of their own organisation only (empty cell = own)', async () => {
    const head = await signInAs(t, 'organization_head', { scopeType: 'organization', scopeId: w.orgA2.id });
    const file = await xlsxOf([
      ['Фамилия', 'Имя', 'E-mail', 'Организация (краткое наименование)'],
      ['Белова', 'Алёна', 'belova@example.ru', ''],
      ['Белов', 'Антон', 'belov@example.ru', 'МАОУ СОШ № 1'],
    ]);
    const job = await importFile(t, head.cookie, 'people', { name: 'head.xlsx', data: file });
    expect(job).toMatchObject({ created: 1, skipped: 1 });
    const [b] = await t.ctx.db.select().from(person).where(eq(person.email, 'belova@example.ru'));
    expect(b.organizationId).toBe(w.orgA2.id);
    const orgs = await upload(
      t,
      head.cookie,
      { kind: 'organizations' },
      { name: 'o.csv', data: csvOf([ORGANIZATION_HEADER]) },
    );
    expect(orgs.status).toBe(403);
  });

  it('X-1 X-2 POST /api/imports: 401 anonymous, 403 teacher, 400 bad form, 415 wrong type, 413 too large', async () => {
    const file = { name: 'a.csv', data: csvOf([['Фамилия', 'Имя']]) };
    expect((await upload(t, undefined, { kind: 'people' }, file)).status).toBe(401);
    const teacher = await signInAs(t, 'teacher');
    const r403 = await upload(t, teacher.cookie, { kind: 'people' }, file);
    expect(r403.status).toBe(403);
    expect(r403.body.error.code).toBe('FORBIDDEN');

    const badKind = await upload(t, w.admin.cookie, { kind: 'pets' }, file);
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.code).toBe('VALIDATION_FAILED');
    const noFile = await upload(t, w.admin.cookie, { kind: 'people' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.code).toBe('IMPORT_FILE_MISSING');
    const json = await t.call({
      method: 'POST',
      url: '/api/imports',
      payload: { kind: 'people' },
      cookie: w.admin.cookie,
    });
    expect(json.status).toBe(400);

    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001',
      'hex',
    );
    const r415 = await upload(t, w.admin.cookie, { kind: 'people' }, { name: 'people.xlsx', data: png });
    expect(r415.status).toBe(415);
    expect(r415.body.error).toMatchObject({
      code: 'UNSUPPORTED_FILE',
      message: expect.stringMatching(/XLSX или CSV/),
    });
    const binary = Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10]);
    expect(
      (await upload(t, w.admin.cookie, { kind: 'people' }, { name: 'x.csv', data: binary })).status,
    ).toBe(415);

    const big = Buffer.alloc(t.ctx.config.uploadMaxBytes + 1024, 0x41);
    const r413 = await upload(t, w.admin.cookie, { kind: 'people' }, { name: 'big.csv', data: big });
    expect(r413.status).toBe(413);
    expect(r413.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    // nothing is left behind in the temporary folder
    const fs = await import('node:fs');
    expect(fs.readdirSync(`${t.dataDir}/tmp`)).toEqual([]);
  });

  it('X-1 X-2 GET /api/imports/:id and the list: 401, 403, 404, own jobs, w.admin sees all', async () => {
    const m = await signInAs(t, 'methodologist', { scopeType: 'municipality', scopeId: w.muniA.id });
    const started = await upload(
      t,
      m.cookie,
      { kind: 'people', dryRun: 'true' },
      {
        name: 'мой.csv',
        data: csvOf([
          ['Фамилия', 'Имя'],
          ['Тихонова', 'Лидия'],
        ]),
      },
    );
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'people', fileName: 'мой.csv', dryRun: true });
    expect(['queued', 'running', 'done']).toContain(started.body.status);
    const job = await waitForJob(t, m.cookie, started.body.id);
    expect(job.status).toBe('done');

    expect((await t.call({ method: 'GET', url: `/api/imports/${job.id}` })).status).toBe(401);
    const teacher = await signInAs(t, 'teacher');
    expect(
      (await t.call({ method: 'GET', url: `/api/imports/${job.id}`, cookie: teacher.cookie })).status,
    ).toBe(403);
    expect((await t.call({ method: 'GET', url: '/api/imports', cookie: teacher.cookie })).status).toBe(403);
    const other = await signInAs(t, 'methodologist', { scopeType: 'municipality', scopeId: w.muniB.id });
    expect(
      (await t.call({ method: 'GET', url: `/api/imports/${job.id}`, cookie: other.cookie })).status,
    ).toBe(404);
    const unknown = await t.call({
      method: 'GET',
      url: '/api/imports/00000000-0000-4000-8000-000000000000',
      cookie: w.admin.cookie,
    });
    expect(unknown.status).toBe(404);
    expect(
      (await t.call({ method: 'GET', url: '/api/imports/not-a-uuid', cookie: w.admin.cookie })).status,
    ).toBe(400);

    const mine = await t.call({ method: 'GET', url: '/api/imports', cookie: m.cookie });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((j: { id: string }) => j.id)).toEqual([job.id]);
    expect((await t.call({ method: 'GET', url: '/api/imports', cookie: other.cookie })).body.total).toBe(0);
    const all = await t.call({ method: 'GET', url: '/api/imports?pageSize=200', cookie: w.admin.cookie });
    expect(all.body.items.map((j: { id: string }) => j.id)).toContain(job.id);
    expect(all.body.total).toBeGreaterThan(1);
    expect(
      (await t.call({ method: 'GET', url: '/api/imports?pageSize=500', cookie: w.admin.cookie })).status,
    ).toBe(400);
  });
});

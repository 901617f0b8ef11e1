import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMunicipality,
  buildOrganization,
  buildPerson,
  signIn,
  signInAs,
  TEST_PASSWORD,
} from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { importFile, PEOPLE_HEADER, xlsxOf } from '../imports/imports.testing.js';
import { backupTo, restoreFrom } from './backup.service.js';

let source: TestApp;
let target: TestApp;
let file: string;
let adminEmail: string;
const logs: string[] = [];
const log = (m: string) => logs.push(m);

/** Row count and a digest of every row of every public table. */
async function snapshot(t: TestApp): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await t.database.pool.query<{ relname: string }>(
    `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' order by 1`,
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { relname } of tables.rows) {
    const r = await t.database.pool.query(
      `select count(*)::int as rows, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as md5
       from public."${relname}" x`,
    );
    out[relname] = r.rows[0];
  }
  return out;
}

beforeAll(async () => {
  source = await createTestApp();
  target = await createTestApp();
  const admin = await signInAs(source, 'admin', {}, { name: 'Админ «Рост»' });
  adminEmail = admin.email;
  const muni = await buildMunicipality(source, { name: 'Город с "кавычками" и \\ слешем' });
  const org = await buildOrganization(source, { municipalityId: muni.id, shortName: 'МАОУ СОШ № 1' });
  await buildPerson(source, {
    organizationId: org.id,
    subjects: ['Русский язык', 'Литература, "чтение"'],
    phone: null,
  });
  await signInAs(source, 'methodologist', { scopeType: 'municipality', scopeId: muni.id });
  await importFile(source, admin.cookie, 'people', {
    name: 'люди.xlsx',
    data: await xlsxOf([
      PEOPLE_HEADER,
      [
        'Ёлкина',
        'Анна',
        'Ивановна',
        'elkina@example.ru',
        '',
        '01.02.1990',
        'учитель',
        'Физика; Химия',
        '01.09.2012',
        'первая',
        '01.02.2022',
        'МАОУ СОШ № 1',
        '',
      ],
      ['Плохая', 'Строка', '', '', '', '31.02.1990', '', '', '', '', '', 'МАОУ СОШ № 1', ''],
    ]),
  });
  file = path.join(source.dataDir, 'backups', 'rost.backup.gz');
});
afterAll(async () => {
  await source.close();
  await target.close();
});

describe('X-1 backup and restore', () => {
  it('X-1 backup then restore into an empty database reproduces every row of every table', async () => {
    await backupTo(source.ctx, file, log);
    expect(fs.existsSync(file)).toBe(true);
    expect(logs.join('\n')).toMatch(/pg-boss/);
    await restoreFrom(target.ctx, file, log);
    const before = await snapshot(source);
    const after = await snapshot(target);
    expect(after).toEqual(before);
    expect(before.person.rows).toBe(2);
    expect(before.audit_entry.rows).toBeGreaterThan(2);
    expect(before.account.rows).toBe(2);
    expect(before.import_job.rows).toBe(1);
    // sequences continue after the restored rows
    const seq = async (t: TestApp) =>
      (await t.database.pool.query('select last_value::text as v from audit_entry_id_seq')).rows[0].v;
    expect(await seq(target)).toBe(await seq(source));
  });

  it('X-1 restored accounts can sign in with their passwords', async () => {
    const cookie = await signIn(target, adminEmail, TEST_PASSWORD);
    const me = await target.call({ method: 'GET', url: '/api/me', cookie });
    expect(me.status).toBe(200);
    expect(me.body.roles[0].role).toBe('admin');
  });

  it('X-1 restore refuses a database that already has data', async () => {
    await expect(restoreFrom(source.ctx, file, log)).rejects.toMatchObject({
      code: 'BACKUP_TARGET_NOT_EMPTY',
    });
    const err = await restoreFrom(target.ctx, file, log).catch((e) => e);
    expect(err.messageFor('ru')).toMatch(/База данных не пустая.*user \(2\)/);
  });

  it('X-1 restore refuses a file that is not a backup, or a cut one, and writes nothing', async () => {
    const empty = await createTestApp();
    try {
      const notGzip = path.join(empty.dataDir, 'x.gz');
      fs.writeFileSync(notGzip, 'hello');
      await expect(restoreFrom(empty.ctx, notGzip, log)).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
      const wrongJson = path.join(empty.dataDir, 'y.gz');
      fs.writeFileSync(wrongJson, zlib.gzipSync('{"format":"other"}\n'));
      await expect(restoreFrom(empty.ctx, wrongJson, log)).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
      const cut = path.join(empty.dataDir, 'cut.gz');
      const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
      fs.writeFileSync(cut, zlib.gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
      await expect(restoreFrom(empty.ctx, cut, log)).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
      await expect(restoreFrom(empty.ctx, path.join(empty.dataDir, 'nope.gz'), log)).rejects.toMatchObject({
        code: 'BACKUP_FILE_NOT_FOUND',
      });
      const counts = await snapshot(empty);
      expect(Object.values(counts).every((c) => c.rows === 0)).toBe(true);
    } finally {
      await empty.close();
    }
  });
});

import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { organization } from '../directory/index.js';
import {
  auditCount,
  buildImportWorld,
  csvOf,
  type ImportWorld,
  importFile,
  ORGANIZATION_HEADER,
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

describe('X-2 import of organisations', () => {
  it('X-2 organisations: created, unknown municipality is a row error, re-import unchanged', async () => {
    const rows = [
      ORGANIZATION_HEADER,
      [
        'МАОУ СОШ № 3',
        'Средняя школа № 3',
        'школа',
        'ул. Мира, 3',
        '6604001230',
        'sch3@example.ru',
        '',
        'Город Альфа',
        '',
      ],
      [
        'МАДОУ № 5',
        'Детский сад № 5',
        'дошкольная образовательная организация (ДОУ)',
        '',
        '',
        '',
        '',
        'город бета',
        'Тестовая область',
      ],
      ['МБОУ ООШ № 4', 'Основная школа № 4', 'school', '', '', '', '', 'Город Гамма', ''],
      ['ЦДО', '', '', '', '12345', '', '', 'Город Альфа', ''],
    ];
    const dry = await importFile(
      t,
      w.admin.cookie,
      'organizations',
      { name: 'orgs.csv', data: csvOf(rows) },
      true,
    );
    expect(dry).toMatchObject({ created: 2, skipped: 2 });
    expect(dry.errors).toEqual(
      expect.arrayContaining([
        {
          row: 4,
          column: 'Муниципалитет',
          message: expect.stringMatching(/Муниципалитет «Город Гамма» не найден/),
        },
        { row: 5, column: 'ИНН', message: expect.stringMatching(/10 или 12 цифр/) },
      ]),
    );
    const job = await importFile(t, w.admin.cookie, 'organizations', { name: 'orgs.csv', data: csvOf(rows) });
    expect(job).toMatchObject({ created: 2, skipped: 2 });
    const [kg] = await t.ctx.db.select().from(organization).where(eq(organization.shortName, 'МАДОУ № 5'));
    expect(kg).toMatchObject({ kind: 'kindergarten', municipalityId: w.muniB.id });
    const audits = await auditCount(t, 'organization');
    const again = await importFile(t, w.admin.cookie, 'organizations', {
      name: 'orgs.csv',
      data: csvOf(rows),
    });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await auditCount(t, 'organization')).toBe(audits);
    const changed = await importFile(t, w.admin.cookie, 'organizations', {
      name: 'orgs2.csv',
      data: csvOf([
        ['Краткое наименование', 'Адрес', 'Муниципалитет'],
        ['маоу сош № 3', 'ул. Мира, 33', 'Город Альфа'],
      ]),
    });
    expect(changed).toMatchObject({ updated: 1 });
    expect(await auditCount(t, 'organization')).toBe(audits + 1);
  });

  it('X-1 X-2 a methodologist imports organisations only within their municipality', async () => {
    const m = await signInAs(t, 'methodologist', { scopeType: 'municipality', scopeId: w.muniB.id });
    const job = await importFile(t, m.cookie, 'organizations', {
      name: 'o.csv',
      data: csvOf([
        ORGANIZATION_HEADER,
        ['МАОУ СОШ № 10', 'Школа № 10', 'школа', '', '', '', '', 'Город Бета', ''],
        ['МАОУ СОШ № 11', 'Школа № 11', 'школа', '', '', '', '', 'Город Альфа', ''],
        ['МАОУ СОШ № 1', 'Школа № 1', 'школа', '', '', '', '', 'Город Альфа', ''],
      ]),
    });
    expect(job).toMatchObject({ created: 1, skipped: 2 });
    expect(job.errors).toEqual([
      { row: 3, column: 'Муниципалитет', message: 'Нет прав на муниципалитет «Город Альфа»' },
      { row: 4, column: 'Краткое наименование', message: 'Нет прав на организацию «МАОУ СОШ № 1»' },
    ]);
    const [{ n }] = await t.ctx.db
      .select({ n: count() })
      .from(organization)
      .where(sql`${organization.shortName} in ('МАОУ СОШ № 11')`);
    expect(n).toBe(0);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOf, PEOPLE_HEADER, xlsxOf } from '../../src/server/modules/imports/imports.testing.js';
import { importJob } from '../../src/server/platform/platform.tables.js';
import { rost } from '../harness/cli.js';
import { buildMunicipality, buildOrganization } from '../harness/factories.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const muni = await buildMunicipality(t, { name: 'Город CLI' });
  await buildOrganization(t, { municipalityId: muni.id, shortName: 'МАОУ СОШ № 5' });
});
afterAll(async () => {
  await t.close();
});

const count = async (app: TestApp, table: string) =>
  (await app.database.pool.query(`select count(*)::int as n from "${table}"`)).rows[0].n as number;

describe('X-2 rost import', () => {
  it('X-2 import people FILE prints progress and a summary with the bad rows; exit 1 when there were errors', async () => {
    const file = path.join(t.dataDir, 'люди.xlsx');
    fs.writeFileSync(
      file,
      await xlsxOf([
        PEOPLE_HEADER,
        [
          'Крылова',
          'Вера',
          'Павловна',
          'krylova@example.ru',
          '',
          '01.02.1980',
          'учитель',
          'Музыка',
          '01.09.2003',
          'высшая',
          '10.10.2020',
          'МАОУ СОШ № 5',
          '',
        ],
        ['Крылов', 'Павел', '', 'krylov@example', '', '', '', '', '', '', '', 'МАОУ СОШ № 5', ''],
      ]),
    );
    const dry = await rost(t, ['import', 'people', file, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toMatch(/Импорт педагогов из .*люди\.xlsx \(XLSX\), проверка без записи/);
    expect(dry.stdout).toMatch(
      /Проверка без записи: строк 2; будет создано 1, обновлено 0, без изменений 0, пропущено с ошибками 1/,
    );
    expect(dry.stdout).toMatch(/строка 3, «E-mail»: Неверный адрес электронной почты «krylov@example»/);
    expect(await count(t, 'person')).toBe(0);

    const real = await rost(t, ['import', 'people', file]);
    expect(real.code).toBe(1);
    expect(real.stdout).toMatch(/Импорт завершён: строк 2; создано 1/);
    expect(await count(t, 'person')).toBe(1);
    const jobs = await t.ctx.db.select().from(importJob);
    expect(jobs.map((j) => j.status)).toEqual(['done', 'done']);
    const [entry] = (
      await t.database.pool.query("select actor_user_id, actor_name from audit_entry where entity = 'person'")
    ).rows;
    expect(entry).toEqual({ actor_user_id: null, actor_name: 'импорт из командной строки' });
  }, 120_000);

  it('X-2 a clean CSV imports with exit 0, and again changes nothing', async () => {
    const file = path.join(t.dataDir, 'people.csv');
    fs.writeFileSync(
      file,
      csvOf(
        [
          ['Фамилия', 'Имя', 'E-mail', 'Организация (краткое наименование)'],
          ['Орлова', 'Нина', 'orlova.cli@example.ru', 'МАОУ СОШ № 5'],
        ],
        { bom: true },
      ),
    );
    const first = await rost(t, ['import', 'people', file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/создано 1/);
    const second = await rost(t, ['import', 'people', file]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/создано 0, обновлено 0, без изменений 1/);
  }, 120_000);

  it('X-2 a missing or wrong file is refused with a clear message', async () => {
    const missing = await rost(t, ['import', 'people', path.join(t.dataDir, 'нет.xlsx')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Ошибка: Файл не найден/);
    const pdf = path.join(t.dataDir, 'x.pdf');
    fs.writeFileSync(pdf, Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'));
    const wrong = await rost(t, ['import', 'organizations', pdf]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Неподходящий тип файла: ожидается XLSX или CSV/);
    const usage = await rost(t, ['import', 'pets', pdf]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/rost import people\|organizations/);
  }, 120_000);
});

describe('X-1 X-2 rost backup / restore and seed --demo', () => {
  it('X-1 X-2 seed --demo prints the accounts and does not duplicate on a second run', async () => {
    const demo = await createTestApp();
    try {
      const first = await rost(demo, ['seed', '--demo']);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/admin@rost\.local\s+пароль: rost-admin-2026/);
      const people = await count(demo, 'person');
      expect(people).toBeGreaterThan(200);
      const second = await rost(demo, ['seed', '--demo']);
      expect(second.code).toBe(0);
      expect(await count(demo, 'person')).toBe(people);
      expect(await count(demo, 'user')).toBe(4);

      const file = path.join(demo.dataDir, 'rost-backup.gz');
      const backup = await rost(demo, ['backup', file]);
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/Резервная копия сохранена: .*rost-backup\.gz/);

      const fresh = await createTestApp();
      try {
        const restored = await rost(fresh, ['restore', file]);
        expect(restored.code).toBe(0);
        expect(restored.stdout).toMatch(/Данные восстановлены/);
        for (const table of [
          'region',
          'organization',
          'person',
          'employment',
          'user',
          'account',
          'audit_entry',
        ])
          expect(await count(fresh, table)).toBe(await count(demo, table));
        const again = await rost(fresh, ['restore', file]);
        expect(again.code).toBe(1);
        expect(again.stderr).toMatch(/База данных не пустая/);
      } finally {
        await fresh.close();
      }
    } finally {
      await demo.close();
    }
  }, 180_000);
});

import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson, signInAs } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { auditEntry } from '../../platform/platform.tables.js';
import { employment, person } from '../directory/index.js';
import {
  auditCount,
  buildImportWorld,
  csvOf,
  type ImportWorld,
  importFile,
  ORGANIZATION_HEADER,
  PEOPLE_HEADER,
  peopleCount,
  utcDate,
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

describe('X-2 import templates', () => {
  it('X-2 the people XLSX template has the Russian headers and one example row', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/imports/templates/people.xlsx',
      headers: { cookie: w.admin.cookie },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(PEOPLE_HEADER);
    expect(ws.getRow(2).getCell(1).value).toBe('Иванова');
    expect(ws.actualRowCount).toBe(2);
  });

  it('X-2 the organisations CSV template is UTF-8 with BOM and «;»', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/imports/templates/organizations.csv',
      headers: { cookie: w.admin.cookie },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [head, example] = r.payload.replace(/^\uFEFF/, '').split('\r\n');
    expect(head.split(';')).toEqual(ORGANIZATION_HEADER);
    expect(example).toContain('общеобразовательная организация');
  });

  it('X-1 X-2 templates: 401 anonymous, 403 teacher, 404 unknown template', async () => {
    expect((await t.call({ method: 'GET', url: '/api/imports/templates/people.xlsx' })).status).toBe(401);
    const teacher = await signInAs(t, 'teacher');
    const r403 = await t.call({
      method: 'GET',
      url: '/api/imports/templates/people.xlsx',
      cookie: teacher.cookie,
    });
    expect(r403.status).toBe(403);
    const r404 = await t.call({
      method: 'GET',
      url: '/api/imports/templates/pets.xlsx',
      cookie: w.admin.cookie,
    });
    expect(r404.status).toBe(404);
    expect(r404.body.error.code).toBe('IMPORT_TEMPLATE_NOT_FOUND');
  });

  it('X-2 the template imports back without errors in a dry run', async () => {
    const org = await buildOrganization(t, { municipalityId: w.muniB.id, shortName: 'Шаблонная школа' });
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/imports/templates/people.xlsx',
      headers: { cookie: w.admin.cookie },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    wb.worksheets[0].getRow(2).getCell(12).value = org.shortName;
    const job = await importFile(
      t,
      w.admin.cookie,
      'people',
      { name: 'template.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) },
      true,
    );
    expect(job.errors).toEqual([]);
    expect(job.created).toBe(1);
  });
});

describe('X-2 import of people', () => {
  const rows = () => [
    PEOPLE_HEADER,
    // row 2: valid, real Excel dates
    [
      'Петрова',
      'Анна',
      'Сергеевна',
      'Petrova.AS@example.ru',
      '+7 (912) 000-11-22',
      utcDate(1985, 3, 15),
      'Учитель',
      'Русский язык; литература',
      utcDate(2008, 9, 1),
      'высшая квалификационная категория',
      utcDate(2022, 12, 20),
      'МАОУ СОШ № 1',
      'работает',
    ],
    // row 3: a date that does not exist
    [
      'Сидоров',
      'Пётр',
      'Ильич',
      'sidorov@example.ru',
      '',
      '31.02.1980',
      'учитель',
      '',
      '',
      '',
      '',
      'МАОУ СОШ № 1',
      '',
    ],
    // row 4: valid, text dates in both formats, no e-mail
    [
      'Ёлкин',
      'Иван',
      'Петрович',
      '',
      '',
      '1990-05-04',
      'педагог-психолог',
      '',
      '01.09.2015',
      'первая',
      '2021-04-01',
      'МАОУ «Гимназия № 2»',
      '',
    ],
    // row 5: unknown organisation and a bad e-mail
    ['Кузнецова', 'Ольга', '', 'not-an-email', '', '', '', '', '', '', '', 'Школа, которой нет', ''],
    // row 6: empty row is ignored; row 7: no surname, unknown category
    [],
    ['', 'Мария', '', '', '', '', '', '', '', 'вторая', '', 'МАОУ СОШ № 1', ''],
  ];

  it('X-2 dry run shows each bad row with row number, column and reason and writes nothing', async () => {
    const before = await peopleCount(t);
    const job = await importFile(
      t,
      w.admin.cookie,
      'people',
      { name: 'люди.xlsx', data: await xlsxOf(rows()) },
      true,
    );
    expect(job).toMatchObject({
      status: 'done',
      dryRun: true,
      processed: 5,
      created: 2,
      skipped: 3,
      updated: 0,
    });
    expect(job.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'Дата рождения', message: expect.stringMatching(/Неверная дата «31\.02\.1980»/) },
        {
          row: 5,
          column: 'Организация (краткое наименование)',
          message: expect.stringMatching(/не найдена/),
        },
        { row: 5, column: 'E-mail', message: expect.stringMatching(/Неверный адрес/) },
        { row: 7, column: 'Фамилия', message: expect.stringMatching(/Не указано/) },
        { row: 7, column: 'Категория', message: expect.stringMatching(/Неизвестная категория «вторая»/) },
      ]),
    );
    expect(job.errors).toHaveLength(5);
    expect(job.message).toMatch(/Проверка без записи/);
    expect(await peopleCount(t)).toBe(before);
  });

  it('X-2 X-9 valid rows are imported, bad ones reported; employment and audit are written', async () => {
    const auditBefore = await auditCount(t);
    const job = await importFile(t, w.admin.cookie, 'people', {
      name: 'люди.xlsx',
      data: await xlsxOf(rows()),
    });
    expect(job).toMatchObject({
      status: 'done',
      dryRun: false,
      created: 2,
      skipped: 3,
      unchanged: 0,
      total: 5,
    });
    expect(job.errors.map((e: { row: number }) => e.row)).toEqual([3, 5, 5, 7, 7]);
    const [petrova] = await t.ctx.db.select().from(person).where(eq(person.email, 'petrova.as@example.ru'));
    expect(petrova).toMatchObject({
      surname: 'Петрова',
      gender: 'female',
      birthDate: '1985-03-15',
      position: 'учитель',
      subjects: ['Русский язык', 'Литература'],
      experienceStart: '2008-09-01',
      category: 'highest',
      categoryDate: '2022-12-20',
      organizationId: w.orgA.id,
      status: 'active',
    });
    const [elkin] = await t.ctx.db.select().from(person).where(eq(person.surname, 'Ёлкин'));
    expect(elkin).toMatchObject({
      gender: 'male',
      birthDate: '1990-05-04',
      category: 'first',
      organizationId: w.orgA2.id,
    });
    const jobs = await t.ctx.db.select().from(employment).where(eq(employment.personId, petrova.id));
    expect(jobs).toEqual([
      expect.objectContaining({ organizationId: w.orgA.id, to: null, position: 'учитель' }),
    ]);
    expect(await auditCount(t)).toBe(auditBefore + 2);
  });

  it('X-2 importing the same file again changes nothing', async () => {
    const people = await peopleCount(t);
    const audits = await auditCount(t);
    const job = await importFile(t, w.admin.cookie, 'people', {
      name: 'люди.xlsx',
      data: await xlsxOf(rows()),
    });
    expect(job).toMatchObject({ created: 0, updated: 0, unchanged: 2, skipped: 3 });
    expect(await peopleCount(t)).toBe(people);
    expect(await auditCount(t)).toBe(audits);
  });

  it('X-2 X-9 a changed field updates the person (matched by e-mail, any case) with one audit entry', async () => {
    const audits = await auditCount(t);
    const file = await xlsxOf([
      ['Фамилия', 'Имя', 'E-mail', 'Категория', 'Организация (краткое наименование)'],
      ['Петрова', 'Анна', 'PETROVA.as@EXAMPLE.RU', 'педагог-наставник', 'МАОУ «Гимназия № 2»'],
    ]);
    const job = await importFile(t, w.admin.cookie, 'people', { name: 'upd.xlsx', data: file });
    expect(job).toMatchObject({ created: 0, updated: 1, unchanged: 0, skipped: 0 });
    const [p] = await t.ctx.db.select().from(person).where(eq(person.email, 'petrova.as@example.ru'));
    expect(p).toMatchObject({
      category: 'mentor',
      organizationId: w.orgA2.id,
      patronymic: 'Сергеевна',
      phone: '+7 (912) 000-11-22',
    });
    // employment history: the old place closed, the new one open
    const jobs = await t.ctx.db.select().from(employment).where(eq(employment.personId, p.id));
    expect(jobs.find((j) => j.organizationId === w.orgA.id)?.to).not.toBeNull();
    expect(jobs.find((j) => j.organizationId === w.orgA2.id)?.to).toBeNull();
    expect(await auditCount(t)).toBe(audits + 1);
    const [entry] = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(
        and(eq(auditEntry.entity, 'person'), eq(auditEntry.entityId, p.id), eq(auditEntry.action, 'update')),
      );
    expect(entry.actorUserId).toBe(w.admin.userId);
    expect((entry.before as { category: string }).category).toBe('highest');
    expect((entry.after as { category: string }).category).toBe('mentor');
  });

  it('X-2 without e-mail a person is matched by full name + organisation', async () => {
    const existing = await buildPerson(t, {
      surname: 'Морозова',
      name: 'Нина',
      patronymic: 'Юрьевна',
      email: null,
      organizationId: w.orgB.id,
      position: 'воспитатель',
    });
    const file = await xlsxOf([
      ['Фамилия', 'Имя', 'Отчество', 'Должность', 'Организация (краткое наименование)'],
      ['морозова', 'нина', 'юрьевна', 'воспитатель', 'МАОУ СОШ № 9'],
      ['Морозова', 'Нина', 'Юрьевна', 'воспитатель', 'МАОУ СОШ № 1'],
    ]);
    const job = await importFile(t, w.admin.cookie, 'people', { name: 'fio.xlsx', data: file }, true);
    // row 2 is the same person (only the letter case differs → an update of the spelling); row 3 is another school
    expect(job).toMatchObject({ updated: 1, created: 1, unchanged: 0 });
    const same = await importFile(
      t,
      w.admin.cookie,
      'people',
      {
        name: 'fio2.xlsx',
        data: await xlsxOf([
          ['Фамилия', 'Имя', 'Отчество', 'Организация (краткое наименование)'],
          ['Морозова', 'Нина', 'Юрьевна', 'МАОУ СОШ № 9'],
        ]),
      },
      true,
    );
    expect(same).toMatchObject({ unchanged: 1, created: 0, updated: 0 });
    expect(existing.id).toBeTruthy();
  });

  it('X-2 the same person twice in one file is reported on the second row', async () => {
    const file = await xlsxOf([
      ['Фамилия', 'Имя', 'E-mail', 'Организация (краткое наименование)'],
      ['Зайцева', 'Яна', 'zaytseva@example.ru', 'МАОУ СОШ № 1'],
      ['Зайцева', 'Яна', 'zaytseva@example.ru', 'МАОУ СОШ № 1'],
    ]);
    const job = await importFile(t, w.admin.cookie, 'people', { name: 'dup.xlsx', data: file }, true);
    expect(job.created).toBe(1);
    expect(job.errors).toEqual([{ row: 3, column: 'E-mail', message: expect.stringMatching(/строке 2/) }]);
  });

  it('X-2 CSV with «;», a BOM and Russian Excel habits imports', async () => {
    const text = csvOf(
      [
        PEOPLE_HEADER,
        [
          'Волкова',
          'Дарья',
          'Олеговна',
          'volkova@example.ru',
          '',
          '07.11.1992',
          'учитель',
          'Физика; Информатика',
          '01.09.2014',
          'соответствие занимаемой должности',
          '15.05.2020',
          'МАОУ СОШ № 1',
          'работает',
        ],
        [
          'Волков',
          'Дмитрий',
          'Олегович',
          'volkov@example.ru',
          '',
          '7.11.1992',
          'учитель',
          '',
          '',
          '',
          '',
          'МАОУ СОШ № 9',
          'уволен',
        ],
      ],
      { bom: true },
    );
    const job = await importFile(t, w.admin.cookie, 'people', { name: 'люди.csv', data: text });
    expect(job).toMatchObject({ status: 'done', created: 2, skipped: 0, errors: [] });
    const [v] = await t.ctx.db.select().from(person).where(eq(person.email, 'volkova@example.ru'));
    expect(v).toMatchObject({
      birthDate: '1992-11-07',
      category: 'position_compliance',
      subjects: ['Физика', 'Информатика'],
    });
    const [left] = await t.ctx.db.select().from(person).where(eq(person.email, 'volkov@example.ru'));
    expect(left.status).toBe('left');
  });

  it('X-2 CSV with «,» and no BOM, and CSV in Windows-1251, import too', async () => {
    const comma = csvOf(
      [
        ['Фамилия', 'Имя', 'E-mail', 'Организация (краткое наименование)'],
        ['Лебедева', 'Ирина', 'lebedeva@example.ru', 'МАОУ СОШ № 1'],
      ],
      { delimiter: ',' },
    );
    expect((await importFile(t, w.admin.cookie, 'people', { name: 'a.csv', data: comma })).created).toBe(1);
    const cp = csvOf([
      ['Фамилия', 'Имя', 'E-mail', 'Организация (краткое наименование)'],
      ['Соколова', 'Ксения', 'sokolova@example.ru', 'МАОУ СОШ № 1'],
    ]);
    const bytes = Buffer.from(
      [...cp].map((ch) => {
        const c = ch.charCodeAt(0);
        if (c < 0x80) return c;
        if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
        if (c === 0x401) return 0xa8;
        if (c === 0x451) return 0xb8;
        if (c === 0x2116) return 0xb9;
        if (c === 0xab) return 0xab;
        if (c === 0xbb) return 0xbb;
        throw new Error(`no cp1251 for ${ch}`);
      }),
    );
    const job = await importFile(t, w.admin.cookie, 'people', { name: 'cp1251.csv', data: bytes });
    expect(job).toMatchObject({ created: 1, errors: [] });
    const [s] = await t.ctx.db.select().from(person).where(eq(person.email, 'sokolova@example.ru'));
    expect(s.surname).toBe('Соколова');
  });

  it('X-2 a file without the required columns fails with a clear message', async () => {
    const job = await importFile(t, w.admin.cookie, 'people', {
      name: 'x.csv',
      data: csvOf([
        ['Имя', 'E-mail'],
        ['Анна', 'a@example.ru'],
      ]),
    });
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/нет обязательных столбцов: «Фамилия»/);
  });

  it('X-2 a few thousand generated rows import in batches with progress', async () => {
    const { generatePeopleXlsx } = await import('../../../../bench/generate-people.js');
    const file = `${t.dataDir}/gen.xlsx`;
    await generatePeopleXlsx(file, 3000, {
      organizations: [w.orgA.shortName, w.orgA2.shortName, w.orgB.shortName],
      badRows: [10, 2500],
      emailDomain: 'gen.example.ru',
    });
    const fs = await import('node:fs');
    const before = await peopleCount(t);
    const job = await importFile(t, w.admin.cookie, 'people', {
      name: 'gen.xlsx',
      data: fs.readFileSync(file),
    });
    expect(job).toMatchObject({ status: 'done', processed: 3000, created: 2998, skipped: 2, total: 3000 });
    expect(job.errors.map((e: { row: number }) => e.row)).toEqual([10, 2500]);
    expect(await peopleCount(t)).toBe(before + 2998);
    const again = await importFile(t, w.admin.cookie, 'people', {
      name: 'gen.xlsx',
      data: fs.readFileSync(file),
    });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2998, skipped: 2 });
  }, 120_000);
});

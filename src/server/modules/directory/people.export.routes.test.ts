import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { todayIso } from './directory.schemas.js';
import { person } from './directory.tables.js';
import { buildWorld, downloadXlsx, type World } from './directory.test-helpers.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
});

const _yearsAgo = (n: number) => {
  const d = new Date();
  d.setFullYear(d.getFullYear() - n);
  return todayIso(d);
};

describe('GET /api/people/export.xlsx', () => {
  it('X-1 X-8 401 anonymous, 403 without roles, 400 bad filters', async () => {
    expect((await t.call({ method: 'GET', url: '/api/people/export.xlsx' })).status).toBe(401);
    expect(
      (await t.call({ method: 'GET', url: '/api/people/export.xlsx', cookie: w.noRoles.cookie })).status,
    ).toBe(403);
    const bad = await t.call({
      method: 'GET',
      url: '/api/people/export.xlsx?youngSpecialist=yes',
      cookie: w.admin.cookie,
    });
    expect(bad.status).toBe(400);
  });

  it('X-2 X-6 exports the filtered list with Russian headers, a dated file name and private columns for a methodologist', async () => {
    const org = await buildOrganization(t, { municipalityId: w.muniA.id });
    await buildPerson(t, {
      surname: 'Ёлкина',
      name: 'Ирина',
      organizationId: org.id,
      phone: '+7 944 444-44-44',
      birthDate: '1970-07-07',
      experienceStart: '2000-09-01',
      category: 'highest',
      subjects: ['История', 'Обществознание'],
    });
    await buildPerson(t, { surname: 'Абрамова', name: 'Анна', organizationId: org.id });
    const x = await downloadXlsx(
      t,
      `/api/people/export.xlsx?organizationId=${org.id}&page=3`,
      w.methA.cookie,
    );
    expect(x.status).toBe(200);
    expect(x.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(x.headers['content-disposition']).toBe(
      `attachment; filename="people-${todayIso()}.xlsx"; filename*=UTF-8''people-${todayIso()}.xlsx`,
    );
    expect(x.header).toEqual([
      'Фамилия',
      'Имя',
      'Отчество',
      'Пол',
      'Электронная почта',
      'Телефон',
      'Дата рождения',
      'Должность',
      'Предметы',
      'Начало педагогического стажа',
      'Стаж, лет',
      'Молодой специалист',
      'Квалификационная категория',
      'Дата присвоения категории',
      'Организация',
      'Муниципалитет',
      'Статус',
    ]);
    expect(x.headerBold).toBe(true);
    expect(x.rows.map((r) => r[0])).toEqual(['Абрамова', 'Ёлкина']);
    const yolkina = x.rows[1];
    expect(yolkina[x.header.indexOf('Телефон')]).toBe('+7 944 444-44-44');
    expect((yolkina[x.header.indexOf('Дата рождения')] as Date).toISOString().slice(0, 10)).toBe(
      '1970-07-07',
    );
    expect(yolkina[x.header.indexOf('Предметы')]).toBe('История; Обществознание');
    expect(yolkina[x.header.indexOf('Квалификационная категория')]).toBe('высшая квалификационная категория');
    expect(yolkina[x.header.indexOf('Организация')]).toBe(org.shortName);
  });

  it('X-1 X-6 a teacher gets the export without the private columns', async () => {
    const org = await buildOrganization(t, { municipalityId: w.muniA.id });
    await buildPerson(t, { surname: 'Тихонова', organizationId: org.id, phone: '+7 955 555-55-55' });
    const x = await downloadXlsx(t, `/api/people/export.xlsx?organizationId=${org.id}`, w.teacher.cookie);
    expect(x.status).toBe(200);
    expect(x.header).not.toContain('Телефон');
    expect(x.header).not.toContain('Дата рождения');
    expect(JSON.stringify(x.rows)).not.toContain('955');
  });

  it('X-6 a list longer than one chunk is exported whole, in order', async () => {
    const org = await buildOrganization(t, { municipalityId: w.muniB.id });
    const n = 2345;
    const rows = Array.from({ length: n }, (_, i) => ({
      surname: `Массов${String(i).padStart(5, '0')}`,
      name: 'Тест',
      organizationId: org.id,
    }));
    for (let i = 0; i < rows.length; i += 1000) await t.ctx.db.insert(person).values(rows.slice(i, i + 1000));
    const x = await downloadXlsx(t, `/api/people/export.xlsx?organizationId=${org.id}`, w.admin.cookie);
    expect(x.rows).toHaveLength(n);
    expect(x.rows[0][0]).toBe('Массов00000');
    expect(x.rows[n - 1][0]).toBe(`Массов${String(n - 1).padStart(5, '0')}`);
    expect(new Set(x.rows.map((r) => r[0])).size).toBe(n);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePeopleXlsx } from '../../../../bench/generate-people.js';
import { signIn } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { employment, municipality, organization, person, region } from '../directory/index.js';
import { user } from '../identity/identity.tables.js';
import { importFile } from '../imports/imports.testing.js';
import { DEMO_ACCOUNTS } from './demo.data.js';
import { isDatabaseEmpty, printDemoAccounts, seedDemo } from './demo.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const n = async (
  table: typeof person | typeof organization | typeof municipality | typeof region | typeof user,
) => (await t.ctx.db.select({ n: count() }).from(table))[0].n;

async function peopleDigest(app: TestApp): Promise<string> {
  const r = await app.database.pool.query(
    `select md5(string_agg(concat_ws('|', surname, name, patronymic, gender, email, phone, birth_date, position,
       array_to_string(subjects, ';'), experience_start, category, category_date, status), E'\\n' order by email, surname, name, birth_date)) as d
     from person`,
  );
  return r.rows[0].d;
}

describe('X-2 demo data', () => {
  it('X-2 an empty database is recognised as empty', async () => {
    expect(await isDatabaseEmpty(t.ctx)).toBe(true);
  });

  it('X-2 seed creates a region, 2 municipalities, 12 organisations incl. a centre, ~250 people, 4 accounts', async () => {
    const r = await seedDemo(t.ctx);
    expect(r.directoryCreated).toBe(true);
    expect(r.accountsCreated.sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    expect(await n(region)).toBe(1);
    expect(await n(municipality)).toBe(2);
    expect(await n(organization)).toBe(12);
    const people = await n(person);
    expect(people).toBeGreaterThanOrEqual(240);
    expect(people).toBeLessThanOrEqual(260);
    const kinds = await t.ctx.db.selectDistinct({ kind: organization.kind }).from(organization);
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining([
        'methodological_centre',
        'school',
        'kindergarten',
        'additional_education',
        'college',
      ]),
    );
    expect(await isDatabaseEmpty(t.ctx)).toBe(false);
  });

  it('X-2 people look real: names agree in gender, young specialists, categories with dates, employment', async () => {
    const people = await t.ctx.db.select().from(person);
    for (const p of people) {
      if (p.gender === 'female') expect(p.patronymic).toMatch(/(вна|чна)$/);
      else expect(p.patronymic).toMatch(/(вич|ич)$/);
      if (p.gender === 'female' && /(ов|ев|ёв|ин)а$/.test(p.surname)) expect(p.surname).toMatch(/а$/);
      if (p.category === 'none') expect(p.categoryDate).toBeNull();
      else expect(p.categoryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (p.position === 'учитель') expect(p.subjects.length).toBeGreaterThan(0);
    }
    const threeYearsAgo = new Date();
    threeYearsAgo.setFullYear(threeYearsAgo.getFullYear() - 3);
    const young = people.filter((p) => p.experienceStart && new Date(p.experienceStart) > threeYearsAgo);
    expect(young.length).toBeGreaterThan(10);
    expect(new Set(people.map((p) => p.category)).size).toBeGreaterThanOrEqual(4);
    const withHistory = await t.ctx.db
      .select({ personId: employment.personId, n: count() })
      .from(employment)
      .groupBy(employment.personId)
      .having(sql`count(*) > 1`);
    expect(withHistory.length).toBeGreaterThan(5);
  });

  it('X-1 X-2 the four demo accounts sign in with the printed passwords and have their roles', async () => {
    const printed: string[] = [];
    printDemoAccounts((m) => printed.push(m), 'http://localhost:3000');
    const text = printed.join('\n');
    expect(text).toContain('http://localhost:3000');
    for (const a of DEMO_ACCOUNTS) {
      expect(text).toContain(a.email);
      expect(text).toContain(a.password);
      const cookie = await signIn(t, a.email, a.password);
      const me = await t.call({ method: 'GET', url: '/api/me', cookie });
      expect(me.status).toBe(200);
      expect(me.body.roles.map((r: { role: string }) => r.role)).toEqual([a.role]);
    }
    const [teacher] = await t.ctx.db.select().from(user).where(eq(user.email, 'teacher@rost.local'));
    const [tp] = await t.ctx.db.select().from(person).where(eq(person.id, teacher.personId!));
    const [school] = await t.ctx.db
      .select()
      .from(organization)
      .where(eq(organization.id, tp.organizationId!));
    expect(school.shortName).toBe('МАОУ СОШ № 1');
    expect(teacher.name).toBe(`${tp.surname} ${tp.name} ${tp.patronymic}`);
    const [metodist] = await t.ctx.db.select().from(user).where(eq(user.email, 'metodist@rost.local'));
    expect(metodist.personId).not.toBeNull();
  });

  it('X-2 seeding again changes nothing; the data is the same on every run', async () => {
    const before = { people: await n(person), orgs: await n(organization), users: await n(user) };
    const digest = await peopleDigest(t);
    const again = await seedDemo(t.ctx);
    expect(again).toEqual({ directoryCreated: false, accountsCreated: [] });
    expect({ people: await n(person), orgs: await n(organization), users: await n(user) }).toEqual(before);
    const other = await createTestApp();
    try {
      await seedDemo(other.ctx);
      expect(await peopleDigest(other)).toBe(digest);
    } finally {
      await other.close();
    }
  });

  it('X-2 a generated people file for the demo organisations imports cleanly (bench data)', async () => {
    const file = path.join(t.dataDir, 'people.xlsx');
    await generatePeopleXlsx(file, 300);
    const cookie = await signIn(t, 'admin@rost.local', 'rost-admin-2026');
    const job = await importFile(
      t,
      cookie,
      'people',
      { name: 'people.xlsx', data: fs.readFileSync(file) },
      true,
    );
    expect(job).toMatchObject({ status: 'done', created: 300, skipped: 0, errors: [] });
  });
});

import { ilike } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson, signInAs } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { todayIso } from './directory.schemas.js';
import { person } from './directory.tables.js';
import { buildWorld, UNKNOWN_ID, type World } from './directory.test-helpers.js';
import { fullNameExpr } from './people.repository.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
});

const yearsAgo = (n: number) => {
  const d = new Date();
  d.setFullYear(d.getFullYear() - n);
  return todayIso(d);
};

describe('GET /api/people', () => {
  it('X-1 anonymous is 401', async () => {
    const r = await t.call({ method: 'GET', url: '/api/people' });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('X-1 a user without any role is 403', async () => {
    const r = await t.call({ method: 'GET', url: '/api/people', cookie: w.noRoles.cookie });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
  });

  it('X-8 a bad query is 400', async () => {
    for (const qs of [
      'pageSize=1000',
      'youngSpecialist=maybe',
      'organizationId=abc',
      'sort=colour',
      'category=best',
    ]) {
      const r = await t.call({ method: 'GET', url: `/api/people?${qs}`, cookie: w.teacher.cookie });
      expect(r.status, qs).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('X-2 X-7 sorts in Russian ICU order: Абрамов, Елкин, Ёлкин, Жуков (and back with order=desc)', async () => {
    const org = await buildOrganization(t, { municipalityId: w.muniB.id });
    for (const surname of ['Жуков', 'Ёлкин', 'Абрамов', 'Елкин']) {
      await buildPerson(t, { surname, name: 'Иван', patronymic: null, organizationId: org.id });
    }
    const r = await t.call({
      method: 'GET',
      url: `/api/people?organizationId=${org.id}`,
      cookie: w.teacher.cookie,
    });
    expect(r.status).toBe(200);
    expect(r.body.items.map((p: any) => p.surname)).toEqual(['Абрамов', 'Елкин', 'Ёлкин', 'Жуков']);
    expect(r.body.total).toBe(4);
    const d = await t.call({
      method: 'GET',
      url: `/api/people?organizationId=${org.id}&order=desc`,
      cookie: w.teacher.cookie,
    });
    expect(d.body.items.map((p: any) => p.surname)).toEqual(['Жуков', 'Ёлкин', 'Елкин', 'Абрамов']);
  });

  it('X-2 paginates on the server with the total', async () => {
    const org = await buildOrganization(t, { municipalityId: w.muniB.id });
    for (const surname of ['Аксенова', 'Быкова', 'Волкова', 'Гусева', 'Данилова']) {
      await buildPerson(t, { surname, organizationId: org.id });
    }
    const r = await t.call({
      method: 'GET',
      url: `/api/people?organizationId=${org.id}&page=2&pageSize=2`,
      cookie: w.teacher.cookie,
    });
    expect(r.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(r.body.items.map((p: any) => p.surname)).toEqual(['Волкова', 'Гусева']);
  });

  it('X-2 q finds a person by a fragment from the middle of the full name, case-insensitively', async () => {
    const p = await buildPerson(t, {
      surname: 'Преображенская',
      name: 'Анастасия',
      patronymic: 'Вячеславовна',
      organizationId: w.orgB1.id,
    });
    for (const q of ['настасия Вячесл', 'ОБРАЖЕН', 'вячеславовна', 'Анастасия Преображенская']) {
      const r = await t.call({
        method: 'GET',
        url: `/api/people?q=${encodeURIComponent(q)}`,
        cookie: w.teacher.cookie,
      });
      expect(r.status).toBe(200);
      expect(
        r.body.items.map((x: any) => x.id),
        q,
      ).toEqual([p.id]);
    }
    const none = await t.call({
      method: 'GET',
      url: `/api/people?q=${encodeURIComponent('%')}`,
      cookie: w.teacher.cookie,
    });
    expect(none.body.items.map((x: any) => x.id)).not.toContain(p.id);
  });

  it('X-2 the name search uses the trigram index on the full name', async () => {
    const q = t.ctx.db.select({ id: person.id }).from(person).where(ilike(fullNameExpr, '%ображен%')).toSQL();
    const client = await t.database.pool.connect();
    try {
      // With few rows the planner prefers a scan; forbid it to prove the expression matches the index.
      await client.query('set enable_seqscan = off');
      const plan = await client.query(`explain ${q.sql}`, q.params);
      expect(JSON.stringify(plan.rows)).toContain('person_full_name_trgm');
    } finally {
      await client.query('reset enable_seqscan');
      client.release();
    }
  });

  it('X-2 filters by young specialist, category, subject, position, status, municipality and region', async () => {
    const org = await buildOrganization(t, { municipalityId: w.muniC.id });
    const young = await buildPerson(t, {
      surname: 'Юнова',
      organizationId: org.id,
      experienceStart: yearsAgo(1),
      category: 'none',
      subjects: ['Математика'],
      position: 'учитель',
    });
    const senior = await buildPerson(t, {
      surname: 'Старова',
      organizationId: org.id,
      experienceStart: yearsAgo(20),
      category: 'highest',
      subjects: ['Физика', 'Информатика'],
      position: 'методист',
      status: 'left',
    });
    const unknown = await buildPerson(t, {
      surname: 'Безстажева',
      organizationId: org.id,
      experienceStart: null,
    });
    const ids = async (qs: string) => {
      const r = await t.call({
        method: 'GET',
        url: `/api/people?organizationId=${org.id}&${qs}`,
        cookie: w.admin.cookie,
      });
      expect(r.status, qs).toBe(200);
      return r.body.items.map((p: any) => p.id).sort();
    };
    expect(await ids('youngSpecialist=true')).toEqual([young.id]);
    expect(await ids('youngSpecialist=false')).toEqual([senior.id, unknown.id].sort());
    expect(await ids('category=highest')).toEqual([senior.id]);
    expect(await ids('subject=Информатика')).toEqual([senior.id]);
    expect(await ids(`position=${encodeURIComponent('учитель')}`)).toContain(young.id);
    expect(await ids('status=left')).toEqual([senior.id]);
    const byMuni = await t.call({
      method: 'GET',
      url: `/api/people?municipalityId=${w.muniC.id}`,
      cookie: w.admin.cookie,
    });
    expect(byMuni.body.total).toBe(3);
    const byRegion = await t.call({
      method: 'GET',
      url: `/api/people?regionId=${w.region2.id}`,
      cookie: w.admin.cookie,
    });
    expect(byRegion.body.total).toBe(3);
    const one = await t.call({ method: 'GET', url: `/api/people/${young.id}`, cookie: w.admin.cookie });
    expect(one.body).toMatchObject({ youngSpecialist: true, experienceYears: 1 });
    const two = await t.call({ method: 'GET', url: `/api/people/${senior.id}`, cookie: w.admin.cookie });
    expect(two.body).toMatchObject({ youngSpecialist: false, experienceYears: 20 });
  });

  it('X-2 sorts by organisation, category and experience start', async () => {
    const r = await t.call({
      method: 'GET',
      url: `/api/people?regionId=${w.region.id}&sort=organization`,
      cookie: w.admin.cookie,
    });
    expect(r.status).toBe(200);
    const names = r.body.items.map((p: any) => p.organizationName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'ru')));
    for (const sort of ['category', 'experienceStart', 'updatedAt', 'position']) {
      const s = await t.call({
        method: 'GET',
        url: `/api/people?sort=${sort}&order=desc`,
        cookie: w.admin.cookie,
      });
      expect(s.status, sort).toBe(200);
    }
  });
});

describe('X-1 private fields (phone, birth date)', () => {
  let inA1: { id: string };
  let inB1: { id: string };
  let self: { id: string };
  let selfCookie: string;
  beforeAll(async () => {
    inA1 = await buildPerson(t, {
      organizationId: w.orgA1.id,
      phone: '+7 911 111-11-11',
      birthDate: '1980-05-01',
    });
    inB1 = await buildPerson(t, {
      organizationId: w.orgB1.id,
      phone: '+7 922 222-22-22',
      birthDate: '1981-06-02',
    });
    self = await buildPerson(t, {
      organizationId: w.orgB1.id,
      phone: '+7 933 333-33-33',
      birthDate: '1990-01-03',
    });
    selfCookie = (await signInAs(t, 'teacher', {}, { personId: self.id })).cookie;
  });
  const view = async (id: string, cookie: string) =>
    (await t.call({ method: 'GET', url: `/api/people/${id}`, cookie })).body;

  it('X-1 a teacher sees the directory but not the phone and birth date of others', async () => {
    const p = await view(inA1.id, w.teacher.cookie);
    expect(p.surname).toBe('Иванова');
    expect(p.email).toMatch(/@example\.ru$/);
    expect(p.phone).toBeNull();
    expect(p.birthDate).toBeNull();
    expect(p.canEdit).toBe(false);
    const list = await t.call({
      method: 'GET',
      url: `/api/people?organizationId=${w.orgA1.id}`,
      cookie: w.teacher.cookie,
    });
    expect(list.body.items.every((x: any) => x.phone === null && x.birthDate === null)).toBe(true);
  });

  it('X-1 a teacher sees their own phone and birth date', async () => {
    const p = await view(self.id, selfCookie);
    expect(p.phone).toBe('+7 933 333-33-33');
    expect(p.birthDate).toBe('1990-01-03');
    const other = await view(inB1.id, selfCookie);
    expect(other.phone).toBeNull();
  });

  it('X-1 admin, the municipality methodologist, the organisation methodologist, the region methodologist and the head see them in scope', async () => {
    for (const who of [w.admin, w.methA, w.methA1, w.methRegion, w.headA1]) {
      const p = await view(inA1.id, who.cookie);
      expect(p.phone).toBe('+7 911 111-11-11');
      expect(p.birthDate).toBe('1980-05-01');
      expect(p.canEdit).toBe(true);
    }
  });

  it('X-1 a methodologist of municipality A and the head of A1 do not see them in municipality B', async () => {
    for (const who of [w.methA, w.methA1, w.headA1]) {
      const p = await view(inB1.id, who.cookie);
      expect(p.phone).toBeNull();
      expect(p.birthDate).toBeNull();
      expect(p.canEdit).toBe(false);
    }
    expect((await view(inB1.id, w.methRegion.cookie)).phone).toBe('+7 922 222-22-22');
  });
});

describe('GET /api/people/:id', () => {
  it('X-2 401 anonymous, 403 without roles, 400 bad id, 404 unknown, 200 found', async () => {
    const p = await buildPerson(t, { organizationId: w.orgA1.id });
    expect((await t.call({ method: 'GET', url: `/api/people/${p.id}` })).status).toBe(401);
    expect(
      (await t.call({ method: 'GET', url: `/api/people/${p.id}`, cookie: w.noRoles.cookie })).status,
    ).toBe(403);
    expect((await t.call({ method: 'GET', url: '/api/people/abc', cookie: w.teacher.cookie })).status).toBe(
      400,
    );
    const nf = await t.call({ method: 'GET', url: `/api/people/${UNKNOWN_ID}`, cookie: w.teacher.cookie });
    expect(nf.status).toBe(404);
    expect(nf.body.error.code).toBe('PERSON_NOT_FOUND');
    const ok = await t.call({ method: 'GET', url: `/api/people/${p.id}`, cookie: w.guest.cookie });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      id: p.id,
      fullName: 'Иванова Мария Петровна',
      organizationId: w.orgA1.id,
      organizationName: w.orgA1.shortName,
      municipalityId: w.muniA.id,
      municipalityName: w.muniA.name,
      status: 'active',
    });
  });
});

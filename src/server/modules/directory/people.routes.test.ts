import { and, eq, ilike } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildPerson, signInAs } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { auditEntry } from '../../platform/platform.tables.js';
import { todayIso } from './directory.schemas.js';
import { person } from './directory.tables.js';
import { buildWorld, downloadXlsx, UNKNOWN_ID, type World } from './directory.test-helpers.js';
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

describe('POST /api/people', () => {
  const body = (o: Record<string, unknown> = {}) => ({
    surname: 'Смирнова',
    name: 'Ольга',
    patronymic: 'Игоревна',
    organizationId: w.orgA1.id,
    ...o,
  });

  it('X-1 anonymous is 401', async () => {
    expect((await t.call({ method: 'POST', url: '/api/people', payload: body() })).status).toBe(401);
  });

  it('X-1 a teacher cannot add people (403)', async () => {
    const r = await t.call({ method: 'POST', url: '/api/people', payload: body(), cookie: w.teacher.cookie });
    expect(r.status).toBe(403);
  });

  it('X-1 a methodologist of municipality A cannot add a person in municipality B (403)', async () => {
    const r = await t.call({
      method: 'POST',
      url: '/api/people',
      payload: body({ organizationId: w.orgB1.id }),
      cookie: w.methA.cookie,
    });
    expect(r.status).toBe(403);
    const head = await t.call({
      method: 'POST',
      url: '/api/people',
      payload: body({ organizationId: w.orgA2.id }),
      cookie: w.headA1.cookie,
    });
    expect(head.status).toBe(403);
    const noOrg = await t.call({
      method: 'POST',
      url: '/api/people',
      payload: body({ organizationId: null }),
      cookie: w.methA.cookie,
    });
    expect(noOrg.status).toBe(403);
  });

  it('X-7 X-8 invalid bodies are 400 with Russian messages', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ surname: '' }, 'body.surname', /фамилию/],
      [{ email: 'not-an-email' }, 'body.email', /электронной почты/],
      [{ birthDate: '2999-01-01' }, 'body.birthDate', /в будущем/],
      [{ experienceStart: '2999-01-01' }, 'body.experienceStart', /в будущем/],
      [{ categoryDate: '2999-01-01' }, 'body.categoryDate', /в будущем/],
      [{ birthDate: '2020-02-30' }, 'body.birthDate', /ГГГГ-ММ-ДД/],
      [{ category: 'best' }, 'body.category', /категори/],
      [{ status: 'fired' }, 'body.status', /active/],
      [{ organizationId: 'abc' }, 'body.organizationId', /идентификатор/],
    ];
    for (const [o, path, message] of cases) {
      const r = await t.call({
        method: 'POST',
        url: '/api/people',
        payload: body(o),
        cookie: w.admin.cookie,
      });
      expect(r.status, path).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      const d = r.body.error.details.find((x: any) => x.path === path);
      expect(d, path).toBeDefined();
      expect(d.message).toMatch(message);
    }
    const bad = await t.call({
      method: 'POST',
      url: '/api/people',
      payload: 'not json',
      cookie: w.admin.cookie,
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
  });

  it('X-8 an unknown organisation is 400 UNKNOWN_ORGANIZATION, not 500', async () => {
    const r = await t.call({
      method: 'POST',
      url: '/api/people',
      payload: body({ organizationId: UNKNOWN_ID }),
      cookie: w.admin.cookie,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('UNKNOWN_ORGANIZATION');
    expect(r.body.error.message).toMatch(/Организация/);
  });

  it('X-2 a taken e-mail (any case) is 409 PERSON_EMAIL_TAKEN naming the field', async () => {
    await buildPerson(t, { email: 'taken@example.ru', organizationId: w.orgA1.id });
    const r = await t.call({
      method: 'POST',
      url: '/api/people',
      payload: body({ email: 'Taken@Example.RU' }),
      cookie: w.admin.cookie,
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('PERSON_EMAIL_TAKEN');
    expect(r.body.error.message).toMatch(/Электронная почта/);
  });

  it('X-2 the head of an organisation adds a person: 201, employment opened, audited', async () => {
    const r = await t.call({
      method: 'POST',
      url: '/api/people',
      payload: body({
        email: ' New.Teacher@Example.ru ',
        phone: '+7 900 123-45-67',
        birthDate: '1985-03-04',
        position: 'учитель',
        subjects: ['Математика', 'Математика', 'Физика'],
        experienceStart: '2010-09-01',
        category: 'first',
        categoryDate: '2020-12-25',
        gender: 'female',
      }),
      cookie: w.headA1.cookie,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      fullName: 'Смирнова Ольга Игоревна',
      email: 'new.teacher@example.ru',
      phone: '+7 900 123-45-67',
      birthDate: '1985-03-04',
      subjects: ['Математика', 'Физика'],
      category: 'first',
      categoryDate: '2020-12-25',
      status: 'active',
      canEdit: true,
      youngSpecialist: false,
    });
    const emp = await t.call({
      method: 'GET',
      url: `/api/people/${r.body.id}/employment`,
      cookie: w.teacher.cookie,
    });
    expect(emp.body.items).toEqual([
      {
        organizationId: w.orgA1.id,
        organizationName: w.orgA1.shortName,
        position: 'учитель',
        from: todayIso(),
        to: null,
      },
    ]);
    const [entry] = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entity, 'person'), eq(auditEntry.entityId, r.body.id)));
    expect(entry.action).toBe('create');
    expect(entry.before).toBeNull();
    expect(entry.after).toMatchObject({ surname: 'Смирнова', organizationId: w.orgA1.id });
    expect(entry.actorUserId).toBe(w.headA1.userId);
  });

  it('X-2 an admin adds a person without an organisation; blank optional fields become null', async () => {
    const r = await t.call({
      method: 'POST',
      url: '/api/people',
      payload: {
        surname: 'Одинокова',
        name: 'Вера',
        patronymic: '',
        email: '',
        phone: '',
        organizationId: null,
      },
      cookie: w.admin.cookie,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      patronymic: null,
      email: null,
      phone: null,
      organizationId: null,
      category: 'none',
    });
  });
});

describe('PATCH /api/people/:id', () => {
  it('X-1 X-8 401 anonymous, 400 bad body, 404 unknown', async () => {
    const p = await buildPerson(t, { organizationId: w.orgA1.id });
    expect(
      (await t.call({ method: 'PATCH', url: `/api/people/${p.id}`, payload: { name: 'Анна' } })).status,
    ).toBe(401);
    const bad = await t.call({
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { email: 'x@' },
      cookie: w.admin.cookie,
    });
    expect(bad.status).toBe(400);
    const nf = await t.call({
      method: 'PATCH',
      url: `/api/people/${UNKNOWN_ID}`,
      payload: { name: 'Анна' },
      cookie: w.admin.cookie,
    });
    expect(nf.status).toBe(404);
    const unknownOrg = await t.call({
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { organizationId: UNKNOWN_ID },
      cookie: w.admin.cookie,
    });
    expect(unknownOrg.status).toBe(400);
    expect(unknownOrg.body.error.code).toBe('UNKNOWN_ORGANIZATION');
  });

  it('X-1 a methodologist of municipality A cannot edit a person in municipality B (403)', async () => {
    const p = await buildPerson(t, { organizationId: w.orgB1.id });
    for (const who of [w.methA, w.methA1, w.headA1, w.teacher]) {
      const r = await t.call({
        method: 'PATCH',
        url: `/api/people/${p.id}`,
        payload: { name: 'Анна' },
        cookie: who.cookie,
      });
      expect(r.status).toBe(403);
    }
    const ok = await t.call({
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { name: 'Анна' },
      cookie: w.methRegion.cookie,
    });
    expect(ok.status).toBe(200);
  });

  it('X-1 a methodologist of A cannot move a person from A to B, and an organisation head cannot move one out', async () => {
    const p = await buildPerson(t, { organizationId: w.orgA1.id });
    const r = await t.call({
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { organizationId: w.orgB1.id },
      cookie: w.methA.cookie,
    });
    expect(r.status).toBe(403);
    const h = await t.call({
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { organizationId: w.orgA2.id },
      cookie: w.headA1.cookie,
    });
    expect(h.status).toBe(403);
  });

  it('X-2 a taken e-mail is 409 PERSON_EMAIL_TAKEN', async () => {
    await buildPerson(t, { email: 'first@example.ru', organizationId: w.orgA1.id });
    const p = await buildPerson(t, { organizationId: w.orgA1.id });
    const r = await t.call({
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { email: 'FIRST@example.ru' },
      cookie: w.methA.cookie,
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('PERSON_EMAIL_TAKEN');
  });

  it('X-2 X-9 moving a person keeps the employment history; the change is audited with before and after', async () => {
    const created = await t.call({
      method: 'POST',
      url: '/api/people',
      payload: { surname: 'Переходова', name: 'Нина', organizationId: w.orgA1.id, position: 'учитель' },
      cookie: w.methA.cookie,
    });
    const id = created.body.id;
    const moved = await t.call({
      method: 'PATCH',
      url: `/api/people/${id}`,
      payload: { organizationId: w.orgA2.id, position: 'методист' },
      cookie: w.methA.cookie,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      organizationId: w.orgA2.id,
      organizationName: w.orgA2.shortName,
      position: 'методист',
    });
    const emp = await t.call({
      method: 'GET',
      url: `/api/people/${id}/employment`,
      cookie: w.teacher.cookie,
    });
    expect(emp.status).toBe(200);
    expect(emp.body.items).toEqual([
      {
        organizationId: w.orgA2.id,
        organizationName: w.orgA2.shortName,
        position: 'методист',
        from: todayIso(),
        to: null,
      },
      {
        organizationId: w.orgA1.id,
        organizationName: w.orgA1.shortName,
        position: 'учитель',
        from: todayIso(),
        to: todayIso(),
      },
    ]);
    const entries = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(
        and(eq(auditEntry.entity, 'person'), eq(auditEntry.entityId, id), eq(auditEntry.action, 'update')),
      );
    expect(entries).toHaveLength(1);
    expect(entries[0].before).toMatchObject({ organizationId: w.orgA1.id, position: 'учитель' });
    expect(entries[0].after).toMatchObject({ organizationId: w.orgA2.id, position: 'методист' });
    expect(entries[0].actorUserId).toBe(w.methA.userId);
  });

  it('X-2 X-9 a patch that changes nothing writes no audit entry; null clears a field', async () => {
    const p = await buildPerson(t, { organizationId: w.orgA1.id, phone: '+7 900 000-00-01' });
    const same = await t.call({
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { surname: p.surname },
      cookie: w.admin.cookie,
    });
    expect(same.status).toBe(200);
    const cleared = await t.call({
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { phone: null },
      cookie: w.admin.cookie,
    });
    expect(cleared.body.phone).toBeNull();
    const entries = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entity, 'person'), eq(auditEntry.entityId, p.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0].before).toMatchObject({ phone: '+7 900 000-00-01' });
    expect(entries[0].after).toMatchObject({ phone: null });
  });
});

describe('DELETE /api/people/:id', () => {
  it('X-1 X-8 401 anonymous, 403 out of scope, 400 bad id, 404 unknown', async () => {
    const p = await buildPerson(t, { organizationId: w.orgB1.id });
    expect((await t.call({ method: 'DELETE', url: `/api/people/${p.id}` })).status).toBe(401);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/people/${p.id}`, cookie: w.methA.cookie })).status,
    ).toBe(403);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/people/${p.id}`, cookie: w.teacher.cookie })).status,
    ).toBe(403);
    expect((await t.call({ method: 'DELETE', url: '/api/people/abc', cookie: w.admin.cookie })).status).toBe(
      400,
    );
    expect(
      (await t.call({ method: 'DELETE', url: `/api/people/${UNKNOWN_ID}`, cookie: w.admin.cookie })).status,
    ).toBe(404);
  });

  it('X-2 a person linked to a sign-in account is 409 IN_USE', async () => {
    const p = await buildPerson(t, { organizationId: w.orgA1.id });
    await signInAs(t, 'teacher', {}, { personId: p.id });
    const r = await t.call({ method: 'DELETE', url: `/api/people/${p.id}`, cookie: w.admin.cookie });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('IN_USE');
  });

  it('X-2 the head deletes a person of their organisation; the delete is audited', async () => {
    const created = await t.call({
      method: 'POST',
      url: '/api/people',
      payload: { surname: 'Удаляева', name: 'Зоя', organizationId: w.orgA1.id },
      cookie: w.headA1.cookie,
    });
    const id = created.body.id;
    const r = await t.call({ method: 'DELETE', url: `/api/people/${id}`, cookie: w.headA1.cookie });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true });
    expect((await t.call({ method: 'GET', url: `/api/people/${id}`, cookie: w.admin.cookie })).status).toBe(
      404,
    );
    const [entry] = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entityId, id), eq(auditEntry.action, 'delete')));
    expect(entry.before).toMatchObject({ surname: 'Удаляева' });
    expect(entry.after).toBeNull();
  });
});

describe('GET /api/people/:id/employment', () => {
  it('X-1 X-8 401 anonymous, 403 without roles, 400 bad id, 404 unknown', async () => {
    const p = await buildPerson(t, { organizationId: w.orgA1.id });
    expect((await t.call({ method: 'GET', url: `/api/people/${p.id}/employment` })).status).toBe(401);
    expect(
      (await t.call({ method: 'GET', url: `/api/people/${p.id}/employment`, cookie: w.noRoles.cookie }))
        .status,
    ).toBe(403);
    expect(
      (await t.call({ method: 'GET', url: '/api/people/abc/employment', cookie: w.teacher.cookie })).status,
    ).toBe(400);
    expect(
      (await t.call({ method: 'GET', url: `/api/people/${UNKNOWN_ID}/employment`, cookie: w.teacher.cookie }))
        .status,
    ).toBe(404);
    const ok = await t.call({
      method: 'GET',
      url: `/api/people/${p.id}/employment`,
      cookie: w.teacher.cookie,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ items: [] });
  });
});

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

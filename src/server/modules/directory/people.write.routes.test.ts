import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, signInAs } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { auditEntry } from '../../platform/platform.tables.js';
import { todayIso } from './directory.schemas.js';
import { buildWorld, UNKNOWN_ID, type World } from './directory.test-helpers.js';

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

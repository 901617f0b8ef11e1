import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMunicipality,
  buildOrganization,
  buildPerson,
  buildRegion,
  signIn,
  signInAs,
  TEST_PASSWORD,
} from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { auditEntry } from '../../platform/platform.tables.js';
import { session } from './identity.tables.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signInAs>>;
let methodologist: Awaited<ReturnType<typeof signInAs>>;
let teacherIn: Awaited<ReturnType<typeof signInAs>>;
let teacherOut: Awaited<ReturnType<typeof signInAs>>;
let orgIn: { id: string; shortName: string };
let orgOut: { id: string };
let muniIn: { id: string; name: string };
let regionA: { id: string; name: string };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  regionA = await buildRegion(t);
  muniIn = await buildMunicipality(t, { regionId: regionA.id });
  const muniOut = await buildMunicipality(t);
  orgIn = await buildOrganization(t, { municipalityId: muniIn.id });
  orgOut = await buildOrganization(t, { municipalityId: muniOut.id });
  admin = await signInAs(t, 'admin', {}, { name: 'Администратор Тестовый' });
  methodologist = await signInAs(t, 'methodologist', { scopeType: 'municipality', scopeId: muniIn.id });
  teacherIn = await signInAs(
    t,
    'teacher',
    { scopeType: 'organization', scopeId: orgIn.id },
    { name: 'Абрамова Анна' },
  );
  teacherOut = await signInAs(t, 'teacher', { scopeType: 'organization', scopeId: orgOut.id });
});
afterAll(async () => {
  await t.close();
});

describe('X-1 GET /api/users', () => {
  it('X-1 anonymous is 401', async () => {
    const r = await t.call({ method: 'GET', url: '/api/users' });
    expect(r.status).toBe(401);
  });

  it('X-1 a teacher may not see users (403)', async () => {
    const r = await t.call({ method: 'GET', url: '/api/users', cookie: teacherIn.cookie });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
  });

  it('X-8 a bad query is 400', async () => {
    const r1 = await t.call({ method: 'GET', url: '/api/users?role=king', cookie: admin.cookie });
    expect(r1.status).toBe(400);
    const r2 = await t.call({ method: 'GET', url: '/api/users?pageSize=1000', cookie: admin.cookie });
    expect(r2.status).toBe(400);
  });

  it('X-1 admin lists every user with roles and readable scope names', async () => {
    const r = await t.call({ method: 'GET', url: '/api/users?pageSize=200', cookie: admin.cookie });
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(4);
    const teacher = r.body.items.find((u: any) => u.id === teacherIn.userId);
    expect(teacher).toMatchObject({
      email: teacherIn.email,
      name: 'Абрамова Анна',
      disabled: false,
      invitationPending: false,
      personId: null,
    });
    expect(teacher.roles).toEqual([
      expect.objectContaining({
        role: 'teacher',
        scopeType: 'organization',
        scopeId: orgIn.id,
        scopeName: orgIn.shortName,
      }),
    ]);
    const m = r.body.items.find((u: any) => u.id === methodologist.userId);
    expect(m.roles[0].scopeName).toBe(muniIn.name);
    const a = r.body.items.find((u: any) => u.id === admin.userId);
    expect(a.roles[0]).toMatchObject({ role: 'admin', scopeType: 'global', scopeId: null, scopeName: null });
    // sorted by name in Russian order: «Абрамова» first
    expect(r.body.items[0].name).toBe('Абрамова Анна');
  });

  it('X-1 q matches part of the name or e-mail; role filters; pages are paginated', async () => {
    const byName = await t.call({
      method: 'GET',
      url: `/api/users?q=${encodeURIComponent('абрам')}`,
      cookie: admin.cookie,
    });
    expect(byName.body.items.map((u: any) => u.id)).toEqual([teacherIn.userId]);
    const byEmail = await t.call({
      method: 'GET',
      url: `/api/users?q=${encodeURIComponent(methodologist.email.slice(0, 18))}`,
      cookie: admin.cookie,
    });
    expect(byEmail.body.items.map((u: any) => u.id)).toEqual([methodologist.userId]);
    const teachers = await t.call({ method: 'GET', url: '/api/users?role=teacher', cookie: admin.cookie });
    expect(teachers.body.total).toBe(2);
    const page = await t.call({ method: 'GET', url: '/api/users?pageSize=1&page=2', cookie: admin.cookie });
    expect(page.body).toMatchObject({ total: 4, page: 2, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
    const noMatch = await t.call({ method: 'GET', url: '/api/users?q=%25', cookie: admin.cookie });
    expect(noMatch.body.total).toBe(0);
  });

  it('X-1 a methodologist sees only users whose grants lie in their municipality', async () => {
    const r = await t.call({ method: 'GET', url: '/api/users', cookie: methodologist.cookie });
    expect(r.status).toBe(200);
    const ids = r.body.items.map((u: any) => u.id).sort();
    expect(ids).toEqual([methodologist.userId, teacherIn.userId].sort());
  });

  it('X-1 a methodologist of a region sees users of its municipalities and organisations', async () => {
    const regional = await signInAs(t, 'methodologist', { scopeType: 'region', scopeId: regionA.id });
    const r = await t.call({ method: 'GET', url: '/api/users?pageSize=200', cookie: regional.cookie });
    const ids = r.body.items.map((u: any) => u.id).sort();
    expect(ids).toEqual([methodologist.userId, teacherIn.userId, regional.userId].sort());
  });
});

describe('X-1 GET /api/users/:id', () => {
  it('X-1 X-8 anonymous 401, teacher 403, bad id 400, unknown 404', async () => {
    expect((await t.call({ method: 'GET', url: `/api/users/${teacherIn.userId}` })).status).toBe(401);
    expect(
      (await t.call({ method: 'GET', url: `/api/users/${teacherIn.userId}`, cookie: teacherOut.cookie }))
        .status,
    ).toBe(403);
    expect((await t.call({ method: 'GET', url: '/api/users/abc', cookie: admin.cookie })).status).toBe(400);
    const r = await t.call({ method: 'GET', url: `/api/users/${UNKNOWN}`, cookie: admin.cookie });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });

  it('X-1 admin reads any user; a methodologist reads one in scope and gets 403 outside', async () => {
    const a = await t.call({ method: 'GET', url: `/api/users/${teacherOut.userId}`, cookie: admin.cookie });
    expect(a.status).toBe(200);
    expect(a.body.email).toBe(teacherOut.email);
    const inScope = await t.call({
      method: 'GET',
      url: `/api/users/${teacherIn.userId}`,
      cookie: methodologist.cookie,
    });
    expect(inScope.status).toBe(200);
    expect(inScope.body.roles[0].scopeName).toBe(orgIn.shortName);
    const outside = await t.call({
      method: 'GET',
      url: `/api/users/${teacherOut.userId}`,
      cookie: methodologist.cookie,
    });
    expect(outside.status).toBe(403);
  });
});

describe('X-1 PATCH /api/users/:id', () => {
  it('X-1 X-8 anonymous 401, methodologist 403 (read-only), bad body 400, unknown 404', async () => {
    const url = `/api/users/${teacherIn.userId}`;
    expect((await t.call({ method: 'PATCH', url, payload: { name: 'X' } })).status).toBe(401);
    expect(
      (await t.call({ method: 'PATCH', url, payload: { name: 'X' }, cookie: methodologist.cookie })).status,
    ).toBe(403);
    const bad = await t.call({ method: 'PATCH', url, payload: { name: '' }, cookie: admin.cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const badType = await t.call({
      method: 'PATCH',
      url,
      payload: { disabled: 'yes' },
      cookie: admin.cookie,
    });
    expect(badType.status).toBe(400);
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/api/users/${UNKNOWN}`,
          payload: { name: 'X' },
          cookie: admin.cookie,
        })
      ).status,
    ).toBe(404);
  });

  it('X-1 X-9 admin renames a user; the change is audited with before and after', async () => {
    const u = await signInAs(t, 'guest', {}, { name: 'Старое Имя' });
    const r = await t.call({
      method: 'PATCH',
      url: `/api/users/${u.userId}`,
      payload: { name: 'Новое Имя' },
      cookie: admin.cookie,
    });
    expect(r.status).toBe(200);
    expect(r.body.name).toBe('Новое Имя');
    const [entry] = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(
        and(
          eq(auditEntry.entity, 'user'),
          eq(auditEntry.entityId, u.userId),
          eq(auditEntry.action, 'update'),
        ),
      );
    expect(entry).toMatchObject({
      actorUserId: admin.userId,
      before: { name: 'Старое Имя' },
      after: { name: 'Новое Имя' },
    });
  });

  it('X-1 a disabled user cannot act: their sessions are revoked and a new sign-in is refused', async () => {
    const u = await signInAs(t, 'teacher', { scopeType: 'organization', scopeId: orgIn.id });
    expect((await t.call({ method: 'GET', url: '/api/me', cookie: u.cookie })).status).toBe(200);
    const r = await t.call({
      method: 'PATCH',
      url: `/api/users/${u.userId}`,
      payload: { disabled: true },
      cookie: admin.cookie,
    });
    expect(r.status).toBe(200);
    expect(r.body.disabled).toBe(true);
    expect(await t.ctx.db.select().from(session).where(eq(session.userId, u.userId))).toHaveLength(0);
    expect((await t.call({ method: 'GET', url: '/api/me', cookie: u.cookie })).status).toBe(401);
    const again = await t.call({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: u.email, password: TEST_PASSWORD },
      headers: { 'x-forwarded-for': '10.9.9.1' },
    });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('ACCOUNT_DISABLED');
    // enabled again, the user signs in
    await t.call({
      method: 'PATCH',
      url: `/api/users/${u.userId}`,
      payload: { disabled: false },
      cookie: admin.cookie,
    });
    const cookie = await signIn(t, u.email, TEST_PASSWORD);
    expect((await t.call({ method: 'GET', url: '/api/me', cookie })).status).toBe(200);
  });

  it('X-1 an admin cannot disable themself (409)', async () => {
    const r = await t.call({
      method: 'PATCH',
      url: `/api/users/${admin.userId}`,
      payload: { disabled: true },
      cookie: admin.cookie,
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('CANNOT_DISABLE_SELF');
  });

  it('X-1 link to a person: unknown person 400, a person already linked elsewhere 409', async () => {
    const p = await buildPerson(t, { organizationId: orgIn.id });
    const unknown = await t.call({
      method: 'PATCH',
      url: `/api/users/${teacherIn.userId}`,
      payload: { personId: UNKNOWN },
      cookie: admin.cookie,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('USER_PERSON_NOT_FOUND');
    const ok = await t.call({
      method: 'PATCH',
      url: `/api/users/${teacherIn.userId}`,
      payload: { personId: p.id },
      cookie: admin.cookie,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.personId).toBe(p.id);
    const me = await t.call({ method: 'GET', url: '/api/me', cookie: teacherIn.cookie });
    expect(me.body.personId).toBe(p.id);
    const taken = await t.call({
      method: 'PATCH',
      url: `/api/users/${teacherOut.userId}`,
      payload: { personId: p.id },
      cookie: admin.cookie,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('USER_PERSON_TAKEN');
    const unlink = await t.call({
      method: 'PATCH',
      url: `/api/users/${teacherIn.userId}`,
      payload: { personId: null },
      cookie: admin.cookie,
    });
    expect(unlink.body.personId).toBeNull();
  });
});

describe('X-1 PUT /api/users/:id/roles', () => {
  const grantsBody = (orgId: string) => ({
    grants: [
      { role: 'teacher', scopeType: 'organization', scopeId: orgId },
      { role: 'mentor', scopeType: 'organization', scopeId: orgId },
    ],
  });

  it('X-1 X-8 anonymous 401, methodologist 403, unknown user 404', async () => {
    const url = `/api/users/${teacherOut.userId}/roles`;
    expect((await t.call({ method: 'PUT', url, payload: grantsBody(orgOut.id) })).status).toBe(401);
    expect(
      (await t.call({ method: 'PUT', url, payload: grantsBody(orgIn.id), cookie: methodologist.cookie }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.call({
          method: 'PUT',
          url: `/api/users/${UNKNOWN}/roles`,
          payload: grantsBody(orgOut.id),
          cookie: admin.cookie,
        })
      ).status,
    ).toBe(404);
  });

  it('X-1 X-8 bad grants are 400: missing scope id, unknown role, role at a wrong scope, unknown scope', async () => {
    const url = `/api/users/${teacherOut.userId}/roles`;
    const put = (payload: unknown) =>
      t.call({ method: 'PUT', url, payload: payload as object, cookie: admin.cookie });
    expect((await put({ grants: [{ role: 'teacher', scopeType: 'organization' }] })).status).toBe(400);
    expect((await put({ grants: [{ role: 'king', scopeType: 'global' }] })).status).toBe(400);
    expect((await put({})).status).toBe(400);
    const mismatch = await put({
      grants: [{ role: 'admin', scopeType: 'organization', scopeId: orgOut.id }],
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe('ROLE_SCOPE_MISMATCH');
    const missing = await put({ grants: [{ role: 'teacher', scopeType: 'organization', scopeId: UNKNOWN }] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('ROLE_SCOPE_NOT_FOUND');
  });

  it('X-1 X-9 admin replaces all grants in one go; /api/me shows them; audited before/after', async () => {
    const u = await signInAs(t, 'teacher', { scopeType: 'organization', scopeId: orgOut.id });
    const r = await t.call({
      method: 'PUT',
      url: `/api/users/${u.userId}/roles`,
      payload: {
        grants: [
          ...grantsBody(orgIn.id).grants,
          { role: 'teacher', scopeType: 'organization', scopeId: orgIn.id }, // duplicate, kept once
          { role: 'methodologist', scopeType: 'municipality', scopeId: muniIn.id },
        ],
      },
      cookie: admin.cookie,
    });
    expect(r.status).toBe(200);
    expect(r.body.roles.map((g: any) => `${g.role}@${g.scopeName}`).sort()).toEqual(
      [`mentor@${orgIn.shortName}`, `methodologist@${muniIn.name}`, `teacher@${orgIn.shortName}`].sort(),
    );
    const me = await t.call({ method: 'GET', url: '/api/me', cookie: u.cookie });
    expect(me.body.roles).toHaveLength(3);
    const entries = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(
        and(
          eq(auditEntry.entity, 'user'),
          eq(auditEntry.entityId, u.userId),
          eq(auditEntry.action, 'update'),
        ),
      );
    expect(entries).toHaveLength(1);
    expect((entries[0].before as any).roles).toEqual([
      { role: 'teacher', scopeType: 'organization', scopeId: orgOut.id },
    ]);
    expect((entries[0].after as any).roles).toHaveLength(3);
    const none = await t.call({
      method: 'PUT',
      url: `/api/users/${u.userId}/roles`,
      payload: { grants: [] },
      cookie: admin.cookie,
    });
    expect(none.body.roles).toEqual([]);
  });

  it('X-1 an admin cannot take the admin role from themself (409)', async () => {
    const r = await t.call({
      method: 'PUT',
      url: `/api/users/${admin.userId}/roles`,
      payload: { grants: [{ role: 'teacher', scopeType: 'organization', scopeId: orgIn.id }] },
      cookie: admin.cookie,
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('CANNOT_REMOVE_OWN_ADMIN');
  });
});

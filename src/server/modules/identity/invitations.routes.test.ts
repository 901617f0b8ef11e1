import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMunicipality,
  buildOrganization,
  buildPerson,
  signIn,
  signInAs,
} from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { latestMailTo, mailsTo, tokenFrom } from '../../../../tests/mail/mail-helpers.js';
import { auditEntry } from '../../platform/platform.tables.js';
import { invitation } from './identity.tables.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signInAs>>;
let methodologist: Awaited<ReturnType<typeof signInAs>>;
let teacher: Awaited<ReturnType<typeof signInAs>>;
let orgIn: { id: string; shortName: string };
let orgOut: { id: string };
let muniIn: { id: string };
let n = 0;
const email = () => `invitee-${Date.now().toString(36)}-${n++}@example.ru`;
const ip = () => ({ 'x-forwarded-for': `10.77.${n++ % 250}.${(n * 7) % 250}` });

beforeAll(async () => {
  t = await createTestApp();
  muniIn = await buildMunicipality(t);
  orgIn = await buildOrganization(t, { municipalityId: muniIn.id });
  orgOut = await buildOrganization(t);
  admin = await signInAs(t, 'admin', {}, { name: 'Ольга Администратова' });
  methodologist = await signInAs(t, 'methodologist', { scopeType: 'municipality', scopeId: muniIn.id });
  teacher = await signInAs(t, 'teacher', { scopeType: 'organization', scopeId: orgIn.id });
});
afterAll(async () => {
  await t.close();
});

const invite = (cookie: string | undefined, payload: object) =>
  t.call({ method: 'POST', url: '/api/invitations', payload, cookie });

describe('X-1 POST /api/invitations', () => {
  const teacherGrant = () => [{ role: 'teacher', scopeType: 'organization', scopeId: orgIn.id }];

  it('X-1 X-8 anonymous 401, teacher 403, bad body 400', async () => {
    expect((await invite(undefined, { email: email(), name: 'Имя', grants: teacherGrant() })).status).toBe(
      401,
    );
    expect(
      (await invite(teacher.cookie, { email: email(), name: 'Имя', grants: teacherGrant() })).status,
    ).toBe(403);
    const bad = await invite(admin.cookie, { email: 'not-an-email', name: 'Имя', grants: teacherGrant() });
    expect(bad.status).toBe(400);
    expect((await invite(admin.cookie, { email: email(), name: 'Имя', grants: [] })).status).toBe(400);
    expect((await invite(admin.cookie, { email: email(), grants: teacherGrant() })).status).toBe(400);
  });

  it('X-1 X-8 an unknown scope is 400 and an unknown person is 400 (nothing is created)', async () => {
    const e = email();
    const r = await invite(admin.cookie, {
      email: e,
      name: 'Имя',
      grants: [
        { role: 'teacher', scopeType: 'organization', scopeId: '00000000-0000-4000-8000-000000000000' },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('ROLE_SCOPE_NOT_FOUND');
    const p = await invite(admin.cookie, {
      email: e,
      name: 'Имя',
      personId: '00000000-0000-4000-8000-000000000000',
      grants: teacherGrant(),
    });
    expect(p.status).toBe(400);
    expect(p.body.error.code).toBe('USER_PERSON_NOT_FOUND');
    expect(await mailsTo(t, e)).toHaveLength(0);
  });

  it('X-1 an existing e-mail is 409', async () => {
    const r = await invite(admin.cookie, {
      email: teacher.email.toUpperCase(),
      name: 'Имя',
      grants: teacherGrant(),
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('USER_EMAIL_TAKEN');
  });

  it('X-1 invitation e-mail → check → accept (set password) → sign in; the invitation is accepted and audited', async () => {
    const e = email();
    const person = await buildPerson(t, { organizationId: orgIn.id });
    const r = await invite(admin.cookie, {
      email: e,
      name: 'Пётр Приглашённый',
      personId: person.id,
      grants: [...teacherGrant(), { role: 'mentor', scopeType: 'organization', scopeId: orgIn.id }],
    });
    expect(r.status).toBe(201);
    const { userId, invitationId } = r.body;
    expect(userId).toBeTruthy();
    expect(invitationId).toBeTruthy();

    const mail = await latestMailTo(t, e);
    expect(mail).toMatchObject({ subject: 'Приглашение в «Рост»', kind: 'invitation', status: 'sent' });
    expect(mail!.text).toContain('Пётр Приглашённый');
    expect(mail!.text).toContain('Ольга Администратова');
    expect(mail!.text).toContain(`педагог — ${orgIn.shortName}`);
    expect(mail!.text).toContain('http://localhost:3000/invite/accept?token=');
    const token = tokenFrom(mail!.text, '/invite/accept');

    const listed = await t.call({ method: 'GET', url: `/api/users/${userId}`, cookie: admin.cookie });
    expect(listed.body).toMatchObject({ invitationPending: true, personId: person.id, email: e });

    const check = await t.call({ method: 'GET', url: `/api/invitations/check?token=${token}` });
    expect(check.status).toBe(200);
    expect(check.body).toEqual({ email: e, name: 'Пётр Приглашённый' });

    // no password yet: signing in fails
    await expect(signIn(t, e, 'new-password-1')).rejects.toThrow(/INVALID_CREDENTIALS/);

    const short = await t.call({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { newPassword: 'short', token },
      headers: ip(),
    });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('PASSWORD_TOO_SHORT');
    expect(short.body.error.message).toMatch(/не короче 8/);

    const accept = await t.call({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { newPassword: 'new-password-1', token },
      headers: ip(),
    });
    expect(accept.status).toBe(200);
    const cookie = await signIn(t, e, 'new-password-1');
    const me = await t.call({ method: 'GET', url: '/api/me', cookie });
    expect(me.body).toMatchObject({ email: e, personId: person.id });
    expect(me.body.roles.map((g: any) => g.role).sort()).toEqual(['mentor', 'teacher']);

    const [row] = await t.ctx.db.select().from(invitation).where(eq(invitation.id, invitationId));
    expect(row.acceptedAt).not.toBeNull();
    expect(row.invitedBy).toBe(admin.userId);
    const after = await t.call({ method: 'GET', url: `/api/users/${userId}`, cookie: admin.cookie });
    expect(after.body.invitationPending).toBe(false);

    // the link is used up
    const again = await t.call({ method: 'GET', url: `/api/invitations/check?token=${token}` });
    expect(again.status).toBe(404);
    const reuse = await t.call({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { newPassword: 'another-password', token },
      headers: ip(),
    });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error.code).toBe('INVALID_TOKEN');

    const audited = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entity, 'invitation'), eq(auditEntry.entityId, invitationId)));
    expect(audited.map((a) => a.action).sort()).toEqual(['create', 'update']);
    const created = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(
        and(eq(auditEntry.entity, 'user'), eq(auditEntry.entityId, userId), eq(auditEntry.action, 'create')),
      );
    expect(created[0].actorUserId).toBe(admin.userId);
  });

  it('X-1 a methodologist invites a teacher to an organisation in their municipality', async () => {
    const e = email();
    const r = await invite(methodologist.cookie, { email: e, name: 'Учитель Новый', grants: teacherGrant() });
    expect(r.status).toBe(201);
    expect((await latestMailTo(t, e))?.subject).toBe('Приглашение в «Рост»');
    const seen = await t.call({
      method: 'GET',
      url: `/api/users/${r.body.userId}`,
      cookie: methodologist.cookie,
    });
    expect(seen.status).toBe(200);
  });

  it('X-1 a methodologist cannot invite an admin or a methodologist (403)', async () => {
    const a = await invite(methodologist.cookie, {
      email: email(),
      name: 'Имя',
      grants: [{ role: 'admin', scopeType: 'global' }],
    });
    expect(a.status).toBe(403);
    const m = await invite(methodologist.cookie, {
      email: email(),
      name: 'Имя',
      grants: [{ role: 'methodologist', scopeType: 'municipality', scopeId: muniIn.id }],
    });
    expect(m.status).toBe(403);
  });

  it('X-1 a methodologist cannot invite outside their scope (403), nor mix in one grant outside', async () => {
    const e = email();
    const out = await invite(methodologist.cookie, {
      email: e,
      name: 'Имя',
      grants: [{ role: 'teacher', scopeType: 'organization', scopeId: orgOut.id }],
    });
    expect(out.status).toBe(403);
    const mixed = await invite(methodologist.cookie, {
      email: e,
      name: 'Имя',
      grants: [...teacherGrant(), { role: 'mentor', scopeType: 'global' }],
    });
    expect(mixed.status).toBe(403);
    expect(await mailsTo(t, e)).toHaveLength(0);
  });

  it('X-1 a methodologist scoped to an organisation cannot invite at the municipality level', async () => {
    const orgMethodologist = await signInAs(t, 'methodologist', {
      scopeType: 'organization',
      scopeId: orgIn.id,
    });
    const r = await invite(orgMethodologist.cookie, {
      email: email(),
      name: 'Имя',
      grants: [{ role: 'mentor', scopeType: 'municipality', scopeId: muniIn.id }],
    });
    expect(r.status).toBe(403);
    const ok = await invite(orgMethodologist.cookie, { email: email(), name: 'Имя', grants: teacherGrant() });
    expect(ok.status).toBe(201);
  });
});

describe('X-1 GET /api/invitations/check', () => {
  it('X-1 X-8 missing token 400, unknown token 404 INVITATION_INVALID', async () => {
    expect((await t.call({ method: 'GET', url: '/api/invitations/check' })).status).toBe(400);
    const r = await t.call({ method: 'GET', url: '/api/invitations/check?token=nonsense' });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('INVITATION_INVALID');
    expect(r.body.error.message).toMatch(/Приглашение недействительно/);
  });

  it('X-1 an expired invitation link is 404', async () => {
    const e = email();
    const r = await invite(admin.cookie, {
      email: e,
      name: 'Имя',
      grants: [{ role: 'guest', scopeType: 'global' }],
    });
    expect(r.status).toBe(201);
    const token = tokenFrom((await latestMailTo(t, e))!.text, '/invite/accept');
    await t.database.pool.query(
      `update verification set expires_at = now() - interval '1 minute' where identifier = $1`,
      [`reset-password:${token}`],
    );
    expect((await t.call({ method: 'GET', url: `/api/invitations/check?token=${token}` })).status).toBe(404);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signInAs, TEST_PASSWORD } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { latestMailTo, mailsTo, tokenFrom } from '../../../../tests/mail/mail-helpers.js';
import { SIGN_IN_LIMIT } from './auth.js';
import { session } from './identity.tables.js';

let t: TestApp;
let n = 0;
const ip = () => ({ 'x-forwarded-for': `10.88.${++n % 250}.${(n * 13) % 250}` });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

// the web page sends redirectTo as well; the link in the mail is Rost's own page either way
const requestReset = (email: string, headers = ip()) =>
  t.call({
    method: 'POST',
    url: '/api/auth/request-password-reset',
    payload: { email, redirectTo: '/reset-password' },
    headers,
  });
const resetPassword = (token: string, newPassword: string) =>
  t.call({ method: 'POST', url: '/api/auth/reset-password', payload: { token, newPassword }, headers: ip() });

describe('X-1 password reset by e-mail', () => {
  it('X-1 request → e-mail with the link → reset → sign in with the new password; old sessions are revoked', async () => {
    const u = await signInAs(t, 'teacher', {}, { name: 'Мария Забывчивая' });
    const other = await signIn(t, u.email, TEST_PASSWORD);
    expect((await t.call({ method: 'GET', url: '/api/me', cookie: u.cookie })).status).toBe(200);

    const r = await requestReset(u.email.toUpperCase());
    expect(r.status).toBe(200);
    const mail = await latestMailTo(t, u.email);
    expect(mail).toMatchObject({
      subject: 'Восстановление пароля в «Росте»',
      kind: 'password_reset',
      status: 'sent',
    });
    expect(mail!.text).toContain('Здравствуйте, Мария Забывчивая!');
    expect(mail!.text).toContain('http://localhost:3000/reset-password?token=');
    const token = tokenFrom(mail!.text, '/reset-password');

    const short = await resetPassword(token, '1234567');
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('PASSWORD_TOO_SHORT');

    const ok = await resetPassword(token, 'brand-new-secret');
    expect(ok.status).toBe(200);
    // every old session is gone
    expect((await t.call({ method: 'GET', url: '/api/me', cookie: u.cookie })).status).toBe(401);
    expect((await t.call({ method: 'GET', url: '/api/me', cookie: other })).status).toBe(401);
    // the old password no longer works, the new one does
    await expect(signIn(t, u.email, TEST_PASSWORD)).rejects.toThrow(/INVALID_CREDENTIALS/);
    const cookie = await signIn(t, u.email, 'brand-new-secret');
    expect((await t.call({ method: 'GET', url: '/api/me', cookie })).body.email).toBe(u.email);
    // the token is one-time
    const reuse = await resetPassword(token, 'yet-another-secret');
    expect(reuse.status).toBe(400);
    expect(reuse.body.error.code).toBe('INVALID_TOKEN');
    expect(reuse.body.error.message).toMatch(/Ссылка недействительна/);
  });

  it('X-1 an unknown e-mail gets the same 200 answer and no mail (no account enumeration)', async () => {
    const known = await signInAs(t, 'teacher');
    const a = await requestReset(known.email);
    const b = await requestReset('nobody-here@example.ru');
    expect(b.status).toBe(a.status);
    expect(b.body).toEqual(a.body);
    expect(await mailsTo(t, 'nobody-here@example.ru')).toHaveLength(0);
  });

  it('X-1 a disabled account gets no reset mail (same answer)', async () => {
    const admin = await signInAs(t, 'admin');
    const u = await signInAs(t, 'teacher');
    await t.call({
      method: 'PATCH',
      url: `/api/users/${u.userId}`,
      payload: { disabled: true },
      cookie: admin.cookie,
    });
    const r = await requestReset(u.email);
    expect(r.status).toBe(200);
    expect(await mailsTo(t, u.email)).toHaveLength(0);
  });

  it('X-1 X-8 an unknown token and a bad body are refused in the error shape', async () => {
    const r = await resetPassword('not-a-token', 'long-enough-password');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVALID_TOKEN');
    const bad = await t.call({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      payload: {},
      headers: ip(),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBeDefined();
  });
});

describe('X-1 sign-in limits and session expiry', () => {
  it(`X-1 more than ${SIGN_IN_LIMIT.max} wrong sign-ins from one IP within a minute → 429 TOO_MANY_REQUESTS`, async () => {
    const u = await signInAs(t, 'teacher');
    const headers = { 'x-forwarded-for': '10.250.1.1' };
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_LIMIT.max + 1; i++) {
      const r = await t.call({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email: u.email, password: `wrong-password-${i}` },
        headers,
      });
      statuses.push(r.status);
      if (r.status === 429) {
        expect(r.body.error.code).toBe('TOO_MANY_REQUESTS');
        expect(r.body.error.message).toMatch(/Слишком много попыток/);
      }
    }
    expect(statuses.slice(0, SIGN_IN_LIMIT.max).every((s) => s === 401)).toBe(true);
    expect(statuses[SIGN_IN_LIMIT.max]).toBe(429);
    // even the right password is refused from that IP for now
    const right = await t.call({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: u.email, password: TEST_PASSWORD },
      headers,
    });
    expect(right.status).toBe(429);
    // another IP is not affected
    await expect(signIn(t, u.email, TEST_PASSWORD)).resolves.toContain('session_token');
  });

  it('X-1 a session whose expiry has passed is not accepted (401)', async () => {
    const u = await signInAs(t, 'teacher');
    expect((await t.call({ method: 'GET', url: '/api/me', cookie: u.cookie })).status).toBe(200);
    await t.ctx.db
      .update(session)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(session.userId, u.userId));
    const r = await t.call({ method: 'GET', url: '/api/me', cookie: u.cookie });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('X-1 sessions last the configured time (SESSION_TTL_HOURS, a week by default)', async () => {
    const u = await signInAs(t, 'teacher');
    const [s] = await t.ctx.db.select().from(session).where(eq(session.userId, u.userId));
    const hours = (s.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(t.ctx.config.sessionTtlHours - 1);
    expect(hours).toBeLessThanOrEqual(t.ctx.config.sessionTtlHours);
  });

  it('X-1 sign-out ends the session', async () => {
    const u = await signInAs(t, 'teacher');
    const r = await t.call({
      method: 'POST',
      url: '/api/auth/sign-out',
      cookie: u.cookie,
      headers: { ...ip(), origin: 'http://localhost:3000' }, // as a browser sends it: CSRF check
      payload: {},
    });
    expect(r.status).toBe(200);
    expect((await t.call({ method: 'GET', url: '/api/me', cookie: u.cookie })).status).toBe(401);
  });
});

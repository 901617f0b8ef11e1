import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signInAs, TEST_PASSWORD } from './harness/factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('X-1 foundation', () => {
  it('X-1 health reports the database reachable', async () => {
    const r = await t.call({ method: 'GET', url: '/api/health' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('X-1 X-7 anonymous /api/me is 401 with a Russian message', async () => {
    const r = await t.call({ method: 'GET', url: '/api/me' });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('UNAUTHENTICATED');
    expect(r.body.error.message).toMatch(/Войдите/);
  });

  it('X-7 the same error in English with Accept-Language: en', async () => {
    const r = await t.call({ method: 'GET', url: '/api/me', headers: { 'accept-language': 'en-US' } });
    expect(r.body.error.message).toBe('Please sign in.');
  });

  it('X-1 sign in with e-mail and password, then /api/me shows the roles', async () => {
    const { cookie, email } = await signInAs(t, 'methodologist');
    const r = await t.call({ method: 'GET', url: '/api/me', cookie });
    expect(r.status).toBe(200);
    expect(r.body.email).toBe(email);
    expect(r.body.roles[0].role).toBe('methodologist');
  });

  it('X-1 a wrong password is refused with INVALID_CREDENTIALS', async () => {
    const { email } = await signInAs(t, 'teacher');
    await expect(signIn(t, email, 'wrong-password')).rejects.toThrow(/INVALID_CREDENTIALS/);
    await expect(signIn(t, email, TEST_PASSWORD)).resolves.toContain('session_token');
  });

  it('X-1 sign-in from the loopback twin of a local PUBLIC_URL is accepted, a foreign origin is refused in Russian', async () => {
    const { email } = await signInAs(t, 'teacher');
    const ok = await t.call({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: 'http://127.0.0.1:3000' },
      payload: { email, password: TEST_PASSWORD },
    });
    expect(ok.status).toBe(200);
    const bad = await t.call({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: 'http://evil.example' },
      payload: { email, password: TEST_PASSWORD },
    });
    expect(bad.status).toBe(403);
    expect(bad.body.error.code).toBe('UNTRUSTED_ORIGIN');
    expect(bad.body.error.message).toContain('http://localhost:3000');
  });

  it('X-8 unknown API route is a 404 in the error shape', async () => {
    const r = await t.call({ method: 'GET', url: '/api/nope' });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('X-8 OpenAPI 3.1 document is served', async () => {
    const r = await t.call({ method: 'GET', url: '/api/openapi.json' });
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { AppError } from '../../platform/errors.js';
import { findUserWithGrants } from './identity.repository.js';
import { addUserFromCli } from './users.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => (e instanceof AppError ? e.code : String(e)),
  );

describe('X-1 rost user add', () => {
  it('X-1 creates a methodologist of a municipality', async () => {
    const m = await buildMunicipality(t);
    const id = await addUserFromCli(t.ctx, {
      email: 'Cli.Method@Example.ru',
      password: 'cli-password-1',
      name: 'Методист Консольный',
      roles: ['methodologist'],
      scopeType: 'municipality',
      scopeId: m.id,
    });
    const found = await findUserWithGrants(t.ctx.db, id);
    expect(found?.user.email).toBe('cli.method@example.ru');
    expect(found?.grants).toEqual([{ role: 'methodologist', scopeType: 'municipality', scopeId: m.id }]);
  });

  it('X-1 refuses a short password, a scope that does not exist, a scoped admin and a taken e-mail', async () => {
    const base = {
      email: 'cli-admin@example.ru',
      password: 'cli-password-1',
      name: 'Админ',
      roles: ['admin'],
    };
    expect(await codeOf(addUserFromCli(t.ctx, { ...base, password: 'short' }))).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(
        addUserFromCli(t.ctx, {
          ...base,
          roles: ['teacher'],
          scopeType: 'organization',
          scopeId: '00000000-0000-4000-8000-000000000000',
        }),
      ),
    ).toBe('ROLE_SCOPE_NOT_FOUND');
    expect(
      await codeOf(
        addUserFromCli(t.ctx, {
          ...base,
          scopeType: 'region',
          scopeId: '00000000-0000-4000-8000-000000000000',
        }),
      ),
    ).toBe('ROLE_SCOPE_MISMATCH');
    expect(await codeOf(addUserFromCli(t.ctx, { ...base, scopeType: 'organization' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(await codeOf(addUserFromCli(t.ctx, base))).toBe('ok');
    expect(await codeOf(addUserFromCli(t.ctx, base))).toBe('USER_EMAIL_TAKEN');
  });
});

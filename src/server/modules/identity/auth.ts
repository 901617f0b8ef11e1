// better-auth: e-mail + password sign-in, sessions in PostgreSQL, password reset, rate limits.
// Our own role assignments live beside it (identity.tables.ts); policies use them.

import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { betterAuth } from 'better-auth/minimal';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { account, rateLimit, session, user, verification } from './identity.tables.js';

export type AuthDeps = {
  db: Db;
  secret: string;
  publicUrl: string;
  sessionTtlHours: number;
  /** Called with the token when somebody asks to reset a forgotten password. */
  onResetRequested: (u: { id: string; email: string; name: string }, token: string) => Promise<void>;
  onPasswordReset: (userId: string) => Promise<void>;
};

export const PASSWORD_MIN = 8;
export const SIGN_IN_LIMIT = { window: 60, max: 10 };

export function createAuth(d: AuthDeps) {
  return betterAuth({
    appName: 'Рост',
    secret: d.secret,
    baseURL: d.publicUrl,
    basePath: '/api/auth',
    trustedOrigins: trustedOrigins(d.publicUrl),
    database: drizzleAdapter(d.db, {
      provider: 'pg',
      schema: { user, session, account, verification, rateLimit },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: 60 * 60 * 24,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user: u, token }) => {
        await d.onResetRequested({ id: u.id, email: u.email, name: u.name }, token);
      },
      onPasswordReset: async ({ user: u }) => {
        await d.onPasswordReset(u.id);
      },
    },
    user: {
      additionalFields: {
        personId: { type: 'string', required: false, input: false },
        locale: { type: 'string', required: false, input: false, defaultValue: 'ru' },
        disabled: { type: 'boolean', required: false, input: false, defaultValue: false },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // a disabled account gets no new session (sign-in answers ACCOUNT_DISABLED)
          before: async (s) => {
            const [u] = await d.db
              .select({ disabled: user.disabled })
              .from(user)
              .where(eq(user.id, s.userId))
              .limit(1);
            if (u?.disabled)
              throw new APIError('FORBIDDEN', { code: 'ACCOUNT_DISABLED', message: 'Account disabled' });
          },
        },
      },
    },
    session: {
      expiresIn: d.sessionTtlHours * 3600,
      updateAge: Math.min(24 * 3600, Math.floor((d.sessionTtlHours * 3600) / 2)),
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': SIGN_IN_LIMIT,
        '/request-password-reset': { window: 60, max: 5 },
        '/reset-password': { window: 60, max: 10 },
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: ['x-rost-client-ip'] },
      // Checked in tests too (better-auth skips the check under NODE_ENV=test by default).
      disableOriginCheck: false,
      database: { generateId: () => crypto.randomUUID() },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** The public address; for a local address also its loopback twins (localhost ↔ 127.0.0.1 ↔ [::1]). */
export function trustedOrigins(publicUrl: string): string[] {
  const u = new URL(publicUrl);
  const loopback = ['localhost', '127.0.0.1', '[::1]'];
  if (!loopback.includes(u.hostname)) return [u.origin];
  return loopback.map((h) => `${u.protocol}//${h}${u.port ? `:${u.port}` : ''}`);
}

/** Creates a sign-in account with a password, hashed by the auth library. */
export async function createAccountWithPassword(
  auth: Auth,
  input: { email: string; name: string; password?: string; personId?: string | null },
): Promise<string> {
  const ctx = await auth.$context;
  const created = await ctx.internalAdapter.createUser(
    {
      email: input.email.toLowerCase(),
      name: input.name,
      emailVerified: false,
      personId: input.personId ?? null,
    } as never,
    { method: 'admin' },
  );
  if (input.password) {
    const hash = await ctx.password.hash(input.password);
    await ctx.internalAdapter.linkAccount({
      userId: created.id,
      providerId: 'credential',
      accountId: created.id,
      password: hash,
    });
  }
  return created.id;
}

/** A one-time token that lets the holder set the user's password (invitations use it). */
export async function createPasswordToken(auth: Auth, userId: string, ttlSeconds: number): Promise<string> {
  const ctx = await auth.$context;
  const token = crypto.randomUUID().replaceAll('-', '') + crypto.randomUUID().replaceAll('-', '').slice(0, 8);
  await ctx.internalAdapter.createVerificationValue({
    value: userId,
    identifier: `reset-password:${token}`,
    expiresAt: new Date(Date.now() + ttlSeconds * 1000),
  });
  return token;
}

export async function setPassword(auth: Auth, userId: string, password: string): Promise<void> {
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(password);
  const accounts = await ctx.internalAdapter.findAccounts(userId);
  if (accounts.some((a) => a.providerId === 'credential'))
    await ctx.internalAdapter.updatePassword(userId, hash);
  else
    await ctx.internalAdapter.linkAccount({
      userId,
      providerId: 'credential',
      accountId: userId,
      password: hash,
    });
}

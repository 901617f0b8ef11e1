// Accounts and role grants: create (CLI, invitations), the mails of password reset.
import { eq, isNull, and } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/actor.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { CommonErrors } from '../../platform/errors.js';
import { queueMail } from '../mail/index.js';
import { createAccountWithPassword, PASSWORD_MIN } from './auth.js';
import {
  invitation,
  ROLES,
  roleAssignment,
  SCOPE_TYPES,
  user,
  type Role,
  type ScopeType,
} from './identity.tables.js';

export const ZGrantInput = z
  .object({
    role: z.enum(ROLES),
    scopeType: z.enum(SCOPE_TYPES).default('global'),
    scopeId: z.uuid().nullable().optional(),
  })
  .refine((g) => (g.scopeType === 'global') === !g.scopeId, {
    message: 'Для области «global» идентификатор не указывается; для остальных он обязателен',
    path: ['scopeId'],
  });
export type TGrantInput = z.infer<typeof ZGrantInput>;

/** Creates an account (optionally with a password) and its grants in one go; audited. */
export async function createUserWithGrants(
  ctx: AppContext,
  actor: Actor | null,
  input: { email: string; name: string; password?: string; personId?: string | null; grants: TGrantInput[] },
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const [exists] = await ctx.db.select({ id: user.id }).from(user).where(eq(user.email, email)).limit(1);
  if (exists) throw CommonErrors.CONFLICT({}, { field: 'email' });
  const id = await createAccountWithPassword(ctx.auth, {
    email,
    name: input.name,
    password: input.password,
    personId: input.personId,
  });
  await ctx.db.transaction(async (tx) => {
    if (input.grants.length) {
      await tx
        .insert(roleAssignment)
        .values(
          input.grants.map((g) => ({
            userId: id,
            role: g.role as Role,
            scopeType: g.scopeType as ScopeType,
            scopeId: g.scopeId ?? null,
          })),
        )
        .onConflictDoNothing();
    }
    await audit(tx, actor, 'create', 'user', id, null, { email, name: input.name, grants: input.grants });
  });
  return id;
}

export async function addUserFromCli(
  ctx: AppContext,
  a: {
    email?: string;
    password?: string;
    name?: string;
    roles: string[];
    scopeType?: string;
    scopeId?: string;
  },
): Promise<string> {
  const parsed = z
    .object({
      email: z.email('Укажите корректный --email'),
      password: z.string().min(PASSWORD_MIN, `Пароль (--password) — не короче ${PASSWORD_MIN} символов`),
      name: z.string().min(1, 'Укажите --name'),
      roles: z.array(z.enum(ROLES)).min(1, 'Укажите хотя бы одну --role'),
    })
    .safeParse(a);
  if (!parsed.success) {
    throw CommonErrors.VALIDATION_FAILED(
      {},
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const grants = parsed.data.roles.map((role) =>
    ZGrantInput.parse({ role, scopeType: a.scopeType ?? 'global', scopeId: a.scopeId ?? null }),
  );
  return createUserWithGrants(ctx, null, { ...parsed.data, grants });
}

export async function onResetRequested(
  ctx: AppContext,
  u: { id: string; email: string; name: string },
  token: string,
): Promise<void> {
  const link = `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
  await queueMail(ctx, {
    to: u.email,
    kind: 'password_reset',
    subject: 'Восстановление пароля в «Росте»',
    text:
      `Здравствуйте, ${u.name}!\n\nЧтобы задать новый пароль, откройте ссылку (действует 24 часа):\n${link}\n\n` +
      'Если вы не запрашивали восстановление пароля, просто проигнорируйте это письмо.',
  });
}

export async function onPasswordReset(ctx: AppContext, userId: string): Promise<void> {
  await ctx.db
    .update(invitation)
    .set({ acceptedAt: new Date() })
    .where(and(eq(invitation.userId, userId), isNull(invitation.acceptedAt)));
}

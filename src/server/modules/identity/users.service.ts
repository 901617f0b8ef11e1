// Accounts and role grants: list and read (admin; methodologist within scope), edit, replace grants (admin),
// create (CLI, invitations), and the mails of password reset.
import { z } from 'zod';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { CommonErrors } from '../../platform/errors.js';
import { offsetOf } from '../../platform/pagination.js';
import { queueMail } from '../mail/index.js';
import { createAccountWithPassword, PASSWORD_MIN } from './auth.js';
import { IdentityErrors } from './identity.errors.js';
import { canManageUsers, canViewUsers, roleFitsScope, viewScopesOf } from './identity.policy.js';
import {
  deleteSessionsOf,
  findUser,
  findUserByEmail,
  findUserByPerson,
  grantsOfUsers,
  listUsers as listUserRows,
  markInvitationsAccepted,
  personExists,
  placeOfScope,
  replaceGrants,
  updateUserRow,
} from './identity.repository.js';
import { ROLES, type Role, roleAssignment, type ScopeType } from './identity.tables.js';
import {
  type TGrantInput,
  type TUser,
  type TUserListQuery,
  type TUserPatch,
  ZGrantInput,
} from './users.schemas.js';

export { type TGrantInput, ZGrantInput } from './users.schemas.js';

type Grant = { role: Role; scopeType: ScopeType; scopeId: string | null };

function normalizeGrants(grants: TGrantInput[]): Grant[] {
  const seen = new Set<string>();
  const out: Grant[] = [];
  for (const g of grants) {
    const n: Grant = { role: g.role, scopeType: g.scopeType, scopeId: g.scopeId ?? null };
    const key = `${n.role}|${n.scopeType}|${n.scopeId ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}

/**
 * Checks that every grant fits its role and that its scope exists; returns the grants with their places.
 * (Used by role replacement and invitations; the caller checks who may give them.)
 */
export async function resolveGrants(ctx: AppContext, grants: TGrantInput[]) {
  const out = [];
  for (const g of normalizeGrants(grants)) {
    if (!roleFitsScope(g.role, g.scopeType))
      throw IdentityErrors.ROLE_SCOPE_MISMATCH({ role: g.role, scopeType: g.scopeType });
    const place = await placeOfScope(ctx.db, g.scopeType, g.scopeId);
    if (!place) throw IdentityErrors.ROLE_SCOPE_NOT_FOUND({}, { scopeType: g.scopeType, scopeId: g.scopeId });
    out.push({ grant: g, place });
  }
  return out;
}

/** A person may be linked to at most one account. */
export async function checkPersonLink(ctx: AppContext, personId: string, forUserId: string | null) {
  if (!(await personExists(ctx.db, personId))) throw IdentityErrors.USER_PERSON_NOT_FOUND();
  const linked = await findUserByPerson(ctx.db, personId);
  if (linked && linked.id !== forUserId) throw IdentityErrors.USER_PERSON_TAKEN();
}

/** Creates an account (optionally with a password) and its grants in one go; audited. */
export async function createUserWithGrants(
  ctx: AppContext,
  actor: Actor | null,
  input: { email: string; name: string; password?: string; personId?: string | null; grants: TGrantInput[] },
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  if (await findUserByEmail(ctx.db, email)) throw IdentityErrors.USER_EMAIL_TAKEN({}, { field: 'email' });
  const grants = normalizeGrants(input.grants);
  const id = await createAccountWithPassword(ctx.auth, {
    email,
    name: input.name,
    password: input.password,
    personId: input.personId,
  });
  await ctx.db.transaction(async (tx) => {
    if (grants.length)
      await tx
        .insert(roleAssignment)
        .values(grants.map((g) => ({ userId: id, ...g })))
        .onConflictDoNothing();
    await audit(tx, actor, 'create', 'user', id, null, {
      email,
      name: input.name,
      personId: input.personId ?? null,
      grants,
    });
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
  const grantsParsed = z.array(ZGrantInput).safeParse(
    parsed.data.roles.map((role) => ({
      role,
      scopeType: a.scopeType ?? 'global',
      scopeId: a.scopeId ?? null,
    })),
  );
  if (!grantsParsed.success) {
    throw CommonErrors.VALIDATION_FAILED(
      {},
      grantsParsed.error.issues.map((i) => ({
        path: `--${i.path.at(-1) === 'scopeId' ? 'scope-id' : 'scope-type'}`,
        message: i.message,
      })),
    );
  }
  // the same checks as the API: the role fits the scope kind, and the scope exists
  const grants = (await resolveGrants(ctx, grantsParsed.data)).map((r) => r.grant);
  return createUserWithGrants(ctx, null, { ...parsed.data, grants });
}

// ── reading ───────────────────────────────────────────────────────────────────────────────────────

async function toUsers(ctx: AppContext, rows: Awaited<ReturnType<typeof listUserRows>>['rows']) {
  const grants = await grantsOfUsers(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map(
    (r): TUser => ({
      id: r.id,
      email: r.email,
      name: r.name,
      personId: r.personId,
      disabled: r.disabled,
      createdAt: r.createdAt.toISOString(),
      invitationPending: r.invitationPending,
      roles: (grants.get(r.id) ?? []).map(({ userId: _u, ...g }) => g),
    }),
  );
}

export async function listUsers(ctx: AppContext, actorIn: Actor | null, q: TUserListQuery) {
  const actor = requireActor(actorIn);
  if (!canViewUsers(actor)) forbid();
  const { rows, total } = await listUserRows(ctx.db, {
    q: q.q || undefined,
    role: q.role,
    within: viewScopesOf(actor),
    sort: q.sort,
    order: q.order,
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  return { items: await toUsers(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}

/** One user as the list shows it, or null when the user does not exist or lies outside `within`. */
async function loadUser(ctx: AppContext, id: string, within: Actor['roles'] | null): Promise<TUser | null> {
  const { rows } = await listUserRows(ctx.db, {
    ids: [id],
    within,
    sort: 'name',
    order: 'asc',
    limit: 1,
    offset: 0,
  });
  return rows.length ? (await toUsers(ctx, rows))[0] : null;
}

export async function getUser(ctx: AppContext, actorIn: Actor | null, id: string): Promise<TUser> {
  const actor = requireActor(actorIn);
  if (!canViewUsers(actor)) forbid();
  if (!(await findUser(ctx.db, id))) throw CommonErrors.NOT_FOUND();
  const found = await loadUser(ctx, id, viewScopesOf(actor));
  if (!found) forbid();
  return found;
}

// ── changing ──────────────────────────────────────────────────────────────────────────────────────

/** Name, link to a person, disabled. Disabling signs the user out everywhere. */
export async function updateUser(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  patch: TUserPatch,
): Promise<TUser> {
  const actor = requireActor(actorIn);
  if (!canManageUsers(actor)) forbid();
  const before = await findUser(ctx.db, id);
  if (!before) throw CommonErrors.NOT_FOUND();
  if (patch.disabled === true && id === actor.userId) throw IdentityErrors.CANNOT_DISABLE_SELF();
  if (patch.personId) await checkPersonLink(ctx, patch.personId, id);
  const change: TUserPatch = {};
  if (patch.name !== undefined && patch.name !== before.name) change.name = patch.name;
  if (patch.disabled !== undefined && patch.disabled !== before.disabled) change.disabled = patch.disabled;
  if (patch.personId !== undefined && patch.personId !== before.personId) change.personId = patch.personId;
  if (Object.keys(change).length) {
    await ctx.db.transaction(async (tx) => {
      await updateUserRow(tx, id, change);
      if (change.disabled) await deleteSessionsOf(tx, id);
      const was = Object.fromEntries(Object.keys(change).map((k) => [k, before[k as keyof TUserPatch]]));
      await audit(tx, actor, 'update', 'user', id, was, change);
    });
  }
  return (await loadUser(ctx, id, null))!;
}

/** Replaces all grants of a user in one transaction; audited with the grants before and after. */
export async function replaceUserRoles(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  grantsIn: TGrantInput[],
): Promise<TUser> {
  const actor = requireActor(actorIn);
  if (!canManageUsers(actor)) forbid();
  const before = await loadUser(ctx, id, null);
  if (!before) throw CommonErrors.NOT_FOUND();
  const grants = (await resolveGrants(ctx, grantsIn)).map((r) => r.grant);
  if (id === actor.userId && !grants.some((g) => g.role === 'admin'))
    throw IdentityErrors.CANNOT_REMOVE_OWN_ADMIN();
  await ctx.db.transaction(async (tx) => {
    await replaceGrants(tx, id, grants);
    await audit(
      tx,
      actor,
      'update',
      'user',
      id,
      { roles: before.roles.map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId })) },
      { roles: grants },
    );
  });
  return (await loadUser(ctx, id, null))!;
}

// ── password reset (called by better-auth, see bootstrap.ts) ──────────────────────────────────────────

/** Mails the reset link. Disabled accounts get nothing (the answer to the request is the same). */
export async function onResetRequested(
  ctx: AppContext,
  u: { id: string; email: string; name: string },
  token: string,
): Promise<void> {
  const found = await findUser(ctx.db, u.id);
  if (!found || found.disabled) return;
  const link = `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
  await queueMail(ctx, {
    to: u.email,
    kind: 'password_reset',
    subject: 'Восстановление пароля в «Росте»',
    text:
      `Здравствуйте, ${u.name}!\n\nЧтобы задать новый пароль, откройте ссылку (действует 24 часа):\n${link}\n\n` +
      'Если вы не запрашивали восстановление пароля, просто проигнорируйте это письмо.\n\n— «Рост»',
  });
}

/** After a password is set from a link: an open invitation counts as accepted. */
export async function onPasswordReset(ctx: AppContext, userId: string): Promise<void> {
  const u = await findUser(ctx.db, userId);
  const at = new Date();
  await ctx.db.transaction(async (tx) => {
    const accepted = await markInvitationsAccepted(tx, userId, at);
    const self: Actor | null = u
      ? { userId: u.id, email: u.email, name: u.name, personId: u.personId, roles: [] }
      : null;
    for (const invitationId of accepted)
      await audit(
        tx,
        self,
        'update',
        'invitation',
        invitationId,
        { acceptedAt: null },
        { acceptedAt: at.toISOString() },
      );
  });
}

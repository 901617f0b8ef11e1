// Invitations: an admin, or a methodologist within their scope, creates an account without a password with
// its grants and e-mails a one-time link; the invitee sets a password with POST /api/auth/reset-password
// (the same better-auth endpoint as a forgotten password), and onPasswordReset() marks the invitation accepted.
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { queueMail } from '../mail/index.js';
import { createPasswordToken } from './auth.js';
import { IdentityErrors } from './identity.errors.js';
import { canGiveGrant, canInvite } from './identity.policy.js';
import {
  findPendingInvitation,
  findUser,
  findUserByEmail,
  grantsOfUsers,
  insertInvitation,
  type UserRoleRow,
} from './identity.repository.js';
import type { Role } from './identity.tables.js';
import type { TInvitationCreate } from './users.schemas.js';
import { checkPersonLink, createUserWithGrants, resolveGrants } from './users.service.js';

export const INVITATION_TTL_DAYS = 7;

const ROLE_LABELS: Record<Role, string> = {
  admin: 'администратор',
  methodologist: 'методист',
  organization_head: 'руководитель организации',
  community_leader: 'руководитель сообщества',
  mentor: 'наставник',
  teacher: 'педагог',
  student: 'обучающийся',
  guest: 'гость',
};

function roleLine(g: UserRoleRow): string {
  return g.scopeName ? `${ROLE_LABELS[g.role]} — ${g.scopeName}` : ROLE_LABELS[g.role];
}

export async function inviteUser(
  ctx: AppContext,
  actorIn: Actor | null,
  input: TInvitationCreate,
): Promise<{ userId: string; invitationId: string }> {
  const actor = requireActor(actorIn);
  if (!canInvite(actor)) forbid();
  const resolved = await resolveGrants(ctx, input.grants);
  for (const { grant, place } of resolved) if (!canGiveGrant(actor, grant, place)) forbid();
  const email = input.email.trim().toLowerCase();
  if (await findUserByEmail(ctx.db, email)) throw IdentityErrors.USER_EMAIL_TAKEN({}, { field: 'email' });
  if (input.personId) await checkPersonLink(ctx, input.personId, null);

  const userId = await createUserWithGrants(ctx, actor, {
    email,
    name: input.name,
    personId: input.personId ?? null,
    grants: resolved.map((r) => r.grant),
  });
  const invitationId = await ctx.db.transaction(async (tx) => {
    const id = await insertInvitation(tx, { email, userId, invitedBy: actor.userId });
    await audit(tx, actor, 'create', 'invitation', id, null, { email, userId, invitedBy: actor.userId });
    return id;
  });
  const token = await createPasswordToken(ctx.auth, userId, INVITATION_TTL_DAYS * 24 * 3600);
  const grants = (await grantsOfUsers(ctx.db, [userId])).get(userId) ?? [];
  const link = `${ctx.config.publicUrl}/invite/accept?token=${encodeURIComponent(token)}`;
  await queueMail(ctx, {
    to: email,
    kind: 'invitation',
    subject: 'Приглашение в «Рост»',
    text:
      `Здравствуйте, ${input.name}!\n\n` +
      `${actor.name} приглашает вас в «Рост» — платформу непрерывного профессионального развития педагогов.\n\n` +
      `Ваши роли:\n${grants.map((g) => `  • ${roleLine(g)}`).join('\n')}\n\n` +
      `Чтобы задать пароль и войти, откройте ссылку (действует ${INVITATION_TTL_DAYS} дней):\n${link}\n\n` +
      `Ваш логин — ${email}.\n\n` +
      'Если вы не ждали этого письма, просто проигнорируйте его.\n\n— «Рост»',
  });
  return { userId, invitationId };
}

/** Who the invitation link is for; anyone holding the link may ask (the acceptance page shows it). */
export async function checkInvitation(
  ctx: AppContext,
  token: string,
): Promise<{ email: string; name: string }> {
  const auth = await ctx.auth.$context;
  const v = await auth.internalAdapter.findVerificationValue(`reset-password:${token}`);
  if (!v || new Date(v.expiresAt) < new Date()) throw IdentityErrors.INVITATION_INVALID();
  const u = await findUser(ctx.db, v.value);
  if (!u || u.disabled || !(await findPendingInvitation(ctx.db, u.id)))
    throw IdentityErrors.INVITATION_INVALID();
  return { email: u.email, name: u.name };
}

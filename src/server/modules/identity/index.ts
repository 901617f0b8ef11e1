// identity: sign-in (better-auth), the current user, users and role assignments, invitations.
import type { RoutesPlugin } from '../../platform/routes.js';
import { invitationsRoutes } from './invitations.routes.js';
import { meRoutes } from './me.routes.js';
import { usersRoutes } from './users.routes.js';

export { resolveActor } from './actor.service.js';
export { authRoutes } from './auth.routes.js';
export { canGiveGrant, canViewUsers, METHODOLOGIST_GRANTABLE_ROLES } from './identity.policy.js';
export { checkInvitation, inviteUser } from './invitations.service.js';
export {
  addUserFromCli,
  createUserWithGrants,
  onPasswordReset,
  onResetRequested,
  type TGrantInput,
  ZGrantInput,
} from './users.service.js';

export const identityRoutes: RoutesPlugin = async (app) => {
  await app.register(meRoutes);
  await app.register(usersRoutes);
  await app.register(invitationsRoutes);
};

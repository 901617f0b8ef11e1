// identity: sign-in (better-auth), the current user, users and role assignments, invitations.
import type { RoutesPlugin } from '../../platform/routes.js';
import { meRoutes } from './me.routes.js';

export { resolveActor } from './actor.service.js';
export { authRoutes } from './auth.routes.js';
export { addUserFromCli, onPasswordReset, onResetRequested } from './users.service.js';

export const identityRoutes: RoutesPlugin = async (app) => {
  await app.register(meRoutes);
  const { usersRoutes } = await import('./users.routes.js');
  await app.register(usersRoutes);
};

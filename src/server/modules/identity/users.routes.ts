import type { RoutesPlugin } from '../../platform/routes.js';

export const usersRoutes: RoutesPlugin = async () => {};

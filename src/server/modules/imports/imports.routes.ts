import type { RoutesPlugin } from '../../platform/routes.js';

export const importRoutes: RoutesPlugin = async () => {};

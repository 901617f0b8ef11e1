import type { RoutesPlugin } from '../../../platform/routes.js';
export const reportRoutes: RoutesPlugin = async () => {};

import type { RoutesPlugin } from '../../platform/routes.js';

export const auditRoutes: RoutesPlugin = async () => {};

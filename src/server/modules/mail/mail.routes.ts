import type { RoutesPlugin } from '../../platform/routes.js';

export const mailRoutes: RoutesPlugin = async () => {};

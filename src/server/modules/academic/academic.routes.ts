import type { RoutesPlugin } from '../../platform/routes.js';

export const academicRoutes: RoutesPlugin = async () => {};

import type { RoutesPlugin } from '../../platform/routes.js';

export const directoryRoutes: RoutesPlugin = async () => {};

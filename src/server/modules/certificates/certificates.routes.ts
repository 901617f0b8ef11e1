// Routes of this part of the module; filled in as the part is built.
import type { RoutesPlugin } from '../../platform/routes.js';

export const certificateRoutes: RoutesPlugin = async () => {};

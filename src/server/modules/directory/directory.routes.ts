// The directory's routes: catalogues, regions, municipalities, organisations, people.
import type { RoutesPlugin } from '../../platform/routes.js';
import { catalogsRoutes } from './catalogs.routes.js';
import { geographyRoutes } from './geography.routes.js';
import { organizationsRoutes } from './organizations.routes.js';
import { peopleRoutes } from './people.routes.js';

export const directoryRoutes: RoutesPlugin = async (app) => {
  await app.register(catalogsRoutes);
  await app.register(geographyRoutes);
  await app.register(organizationsRoutes);
  await app.register(peopleRoutes);
};

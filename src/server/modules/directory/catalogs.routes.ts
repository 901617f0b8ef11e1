// /api/catalogs: positions, subjects, organisation kinds and qualification categories with Russian labels.
import { errorResponses, type RoutesPlugin } from '../../platform/routes.js';
import { getCatalogs } from './catalogs.service.js';
import { ZCatalogs } from './directory.schemas.js';

export const catalogsRoutes: RoutesPlugin = async (app) => {
  app.get(
    '/catalogs',
    {
      schema: {
        tags: ['directory'],
        summary: 'Справочники: должности, предметы, типы организаций, квалификационные категории',
        response: { 200: ZCatalogs, ...errorResponses },
      },
    },
    async (req) => getCatalogs(req.actor),
  );
};

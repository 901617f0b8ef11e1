// /api/regions and /api/municipalities: read by any user with a role, changed by administrators.
import { pageOf } from '../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZIdParams, ZOk } from '../../platform/routes.js';
import {
  ZMunicipality,
  ZMunicipalityCreate,
  ZMunicipalityQuery,
  ZMunicipalityUpdate,
  ZRegion,
  ZRegionCreate,
  ZRegionQuery,
  ZRegionUpdate,
} from './directory.schemas.js';
import {
  createMunicipality,
  deleteMunicipality,
  getMunicipality,
  listMunicipalities,
  updateMunicipality,
} from './municipalities.service.js';
import { createRegion, deleteRegion, getRegion, listRegions, updateRegion } from './regions.service.js';

export const geographyRoutes: RoutesPlugin = async (app) => {
  const tags = ['directory'];

  app.get(
    '/regions',
    {
      schema: {
        tags,
        summary: 'Регионы',
        querystring: ZRegionQuery,
        response: { 200: pageOf(ZRegion), ...errorResponses },
      },
    },
    async (req) => listRegions(app.ctx, req.actor, req.query),
  );
  app.post(
    '/regions',
    {
      schema: {
        tags,
        summary: 'Добавить регион (администратор)',
        body: ZRegionCreate,
        response: { 201: ZRegion, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createRegion(app.ctx, req.actor, req.body)),
  );
  app.get(
    '/regions/:id',
    {
      schema: { tags, summary: 'Регион', params: ZIdParams, response: { 200: ZRegion, ...errorResponses } },
    },
    async (req) => getRegion(app.ctx, req.actor, req.params.id),
  );
  app.patch(
    '/regions/:id',
    {
      schema: {
        tags,
        summary: 'Изменить регион (администратор)',
        params: ZIdParams,
        body: ZRegionUpdate,
        response: { 200: ZRegion, ...errorResponses },
      },
    },
    async (req) => updateRegion(app.ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/regions/:id',
    {
      schema: {
        tags,
        summary: 'Удалить регион (администратор; только без муниципалитетов)',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => deleteRegion(app.ctx, req.actor, req.params.id),
  );

  app.get(
    '/municipalities',
    {
      schema: {
        tags,
        summary: 'Муниципалитеты',
        querystring: ZMunicipalityQuery,
        response: { 200: pageOf(ZMunicipality), ...errorResponses },
      },
    },
    async (req) => listMunicipalities(app.ctx, req.actor, req.query),
  );
  app.post(
    '/municipalities',
    {
      schema: {
        tags,
        summary: 'Добавить муниципалитет (администратор)',
        body: ZMunicipalityCreate,
        response: { 201: ZMunicipality, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createMunicipality(app.ctx, req.actor, req.body)),
  );
  app.get(
    '/municipalities/:id',
    {
      schema: {
        tags,
        summary: 'Муниципалитет',
        params: ZIdParams,
        response: { 200: ZMunicipality, ...errorResponses },
      },
    },
    async (req) => getMunicipality(app.ctx, req.actor, req.params.id),
  );
  app.patch(
    '/municipalities/:id',
    {
      schema: {
        tags,
        summary: 'Изменить муниципалитет (администратор)',
        params: ZIdParams,
        body: ZMunicipalityUpdate,
        response: { 200: ZMunicipality, ...errorResponses },
      },
    },
    async (req) => updateMunicipality(app.ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/municipalities/:id',
    {
      schema: {
        tags,
        summary: 'Удалить муниципалитет (администратор; только без организаций)',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => deleteMunicipality(app.ctx, req.actor, req.params.id),
  );
};

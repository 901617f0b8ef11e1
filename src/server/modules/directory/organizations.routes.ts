// /api/organizations: list with filters, detail, changes by scope, XLSX export of the filtered list.
import { z } from 'zod';
import { sendXlsx, XLSX_MIME } from '../../documents/xlsx.js';
import { pageOf } from '../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZIdParams, ZOk } from '../../platform/routes.js';
import {
  ZOrganization,
  ZOrganizationCreate,
  ZOrganizationFilter,
  ZOrganizationQuery,
  ZOrganizationUpdate,
} from './directory.schemas.js';
import {
  createOrganization,
  deleteOrganization,
  exportOrganizations,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from './organizations.service.js';

export const organizationsRoutes: RoutesPlugin = async (app) => {
  const tags = ['directory'];

  app.get(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'Организации: фильтры, поиск по наименованию, сортировка по алфавиту',
        querystring: ZOrganizationQuery,
        response: { 200: pageOf(ZOrganization), ...errorResponses },
      },
    },
    async (req) => listOrganizations(app.ctx, req.actor, req.query),
  );
  app.get(
    '/organizations/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Выгрузка отфильтрованного списка организаций в XLSX',
        querystring: ZOrganizationFilter,
        produces: [XLSX_MIME],
        response: { 200: z.any().describe('Файл XLSX'), ...errorResponses },
      },
    },
    async (req, reply) => sendXlsx(reply, exportOrganizations(app.ctx, req.actor, req.query)),
  );
  app.post(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'Добавить организацию (администратор, методист муниципалитета)',
        body: ZOrganizationCreate,
        response: { 201: ZOrganization, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createOrganization(app.ctx, req.actor, req.body)),
  );
  app.get(
    '/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Организация',
        params: ZIdParams,
        response: { 200: ZOrganization, ...errorResponses },
      },
    },
    async (req) => getOrganization(app.ctx, req.actor, req.params.id),
  );
  app.patch(
    '/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Изменить организацию (администратор, методист в своей области, руководитель организации)',
        params: ZIdParams,
        body: ZOrganizationUpdate,
        response: { 200: ZOrganization, ...errorResponses },
      },
    },
    async (req) => updateOrganization(app.ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Удалить организацию (только без людей и истории работы)',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => deleteOrganization(app.ctx, req.actor, req.params.id),
  );
};

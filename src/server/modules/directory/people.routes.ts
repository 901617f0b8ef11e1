// /api/people: list with filters and search by any part of the full name, detail, changes by scope,
// employment history, XLSX export of the filtered list.
import { z } from 'zod';
import { sendXlsx, XLSX_MIME } from '../../documents/xlsx.js';
import { pageOf } from '../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZIdParams, ZOk } from '../../platform/routes.js';
import {
  ZEmploymentList,
  ZPerson,
  ZPersonCreate,
  ZPersonFilter,
  ZPersonQuery,
  ZPersonUpdate,
} from './directory.schemas.js';
import {
  createPerson,
  deletePerson,
  exportPeople,
  getPerson,
  listEmployment,
  listPeople,
  updatePerson,
} from './people.service.js';

export const peopleRoutes: RoutesPlugin = async (app) => {
  const tags = ['directory'];

  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: 'Люди (педагоги): фильтры, поиск по любой части ФИО, сортировка по алфавиту',
        querystring: ZPersonQuery,
        response: { 200: pageOf(ZPerson), ...errorResponses },
      },
    },
    async (req) => listPeople(app.ctx, req.actor, req.query),
  );
  app.get(
    '/people/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Выгрузка отфильтрованного списка людей в XLSX',
        querystring: ZPersonFilter,
        produces: [XLSX_MIME],
        response: { 200: z.any().describe('Файл XLSX'), ...errorResponses },
      },
    },
    async (req, reply) => sendXlsx(reply, exportPeople(app.ctx, req.actor, req.query)),
  );
  app.post(
    '/people',
    {
      schema: {
        tags,
        summary: 'Добавить человека (администратор, методист в своей области, руководитель организации)',
        body: ZPersonCreate,
        response: { 201: ZPerson, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createPerson(app.ctx, req.actor, req.body)),
  );
  app.get(
    '/people/:id',
    {
      schema: { tags, summary: 'Человек', params: ZIdParams, response: { 200: ZPerson, ...errorResponses } },
    },
    async (req) => getPerson(app.ctx, req.actor, req.params.id),
  );
  app.get(
    '/people/:id/employment',
    {
      schema: {
        tags,
        summary: 'История работы: организации и периоды',
        params: ZIdParams,
        response: { 200: ZEmploymentList, ...errorResponses },
      },
    },
    async (req) => listEmployment(app.ctx, req.actor, req.params.id),
  );
  app.patch(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'Изменить данные человека; смена организации ведёт историю работы',
        params: ZIdParams,
        body: ZPersonUpdate,
        response: { 200: ZPerson, ...errorResponses },
      },
    },
    async (req) => updatePerson(app.ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'Удалить человека (если на него не ссылаются другие записи)',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => deletePerson(app.ctx, req.actor, req.params.id),
  );
};

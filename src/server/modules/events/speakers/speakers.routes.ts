// /api/speakers, /api/speakers/:id, /api/speakers/export.xlsx — invited speakers and partners (S3-6).
import { z } from 'zod';
import { sendXlsx, XLSX_MIME } from '../../../documents/xlsx.js';
import { pageOf } from '../../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZIdParams, ZOk } from '../../../platform/routes.js';
import { ZSpeaker, ZSpeakerCreate, ZSpeakerQuery, ZSpeakerUpdate } from './speakers.schemas.js';
import {
  createSpeaker,
  deleteSpeaker,
  exportSpeakers,
  listSpeakers,
  updateSpeaker,
} from './speakers.service.js';

export const speakerRoutes: RoutesPlugin = async (app) => {
  const tags = ['speakers'];
  app.get(
    '/speakers',
    {
      schema: {
        tags,
        summary:
          'Приглашённые спикеры и партнёры (сотрудникам): фильтры kind, eventId, q по ФИО; по алфавиту',
        querystring: ZSpeakerQuery,
        response: { 200: pageOf(ZSpeaker), ...errorResponses },
      },
    },
    async (req) => listSpeakers(app.ctx, req.actor, req.query),
  );
  app.get(
    '/speakers/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Выгрузка списка спикеров и партнёров в XLSX (те же фильтры)',
        querystring: ZSpeakerQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX_MIME],
        response: { 200: z.any().describe('Файл XLSX'), ...errorResponses },
      },
    },
    async (req, reply) => sendXlsx(reply, await exportSpeakers(app.ctx, req.actor, req.query)),
  );
  app.post(
    '/speakers',
    {
      schema: {
        tags,
        summary: 'Записать человека спикером или партнёром (администратор, методист в своей зоне)',
        body: ZSpeakerCreate,
        response: { 201: ZSpeaker, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createSpeaker(app.ctx, req.actor, req.body)),
  );
  app.patch(
    '/speakers/:id',
    {
      schema: {
        tags,
        summary: 'Изменить запись о спикере или партнёре',
        params: ZIdParams,
        body: ZSpeakerUpdate,
        response: { 200: ZSpeaker, ...errorResponses },
      },
    },
    async (req) => updateSpeaker(app.ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/speakers/:id',
    {
      schema: {
        tags,
        summary: 'Удалить запись о спикере или партнёре',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => deleteSpeaker(app.ctx, req.actor, req.params.id),
  );
};

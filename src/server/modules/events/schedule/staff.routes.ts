// Routes of support staff with duties (S0-6) and consultations on request (S0-11), with their XLSX.
import { z } from 'zod';
import { sendXlsx, XLSX_MIME } from '../../../documents/xlsx.js';
import { pageOf, ZPageQuery } from '../../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZIdParams, ZOk } from '../../../platform/routes.js';
import {
  ZConsultation,
  ZConsultationCreate,
  ZConsultationQuery,
  ZConsultationUpdate,
  ZStaff,
  ZStaffCreate,
  ZStaffUpdate,
} from './schedule.schemas.js';
import { exportConsultations, exportStaff } from './staff.export.js';
import {
  createStaff,
  deleteStaff,
  listConsultations,
  listStaff,
  requestConsultation,
  updateConsultation,
  updateStaff,
} from './staff.service.js';

export const staffRoutes: RoutesPlugin = async (app) => {
  const tags = ['schedule'];
  app.get(
    '/events/:id/staff',
    {
      schema: {
        tags,
        summary:
          'Сотрудники мероприятия: техническое, художественное, музыкальное, оперативное сопровождение',
        params: ZIdParams,
        querystring: ZPageQuery,
        response: { 200: pageOf(ZStaff), ...errorResponses },
      },
    },
    async (req) => listStaff(app.ctx, req.actor, req.params.id, req.query),
  );
  app.get(
    '/events/:id/staff.xlsx',
    {
      schema: {
        tags,
        summary: 'Сотрудники мероприятия с обязанностями в XLSX (организаторы)',
        params: ZIdParams,
        produces: [XLSX_MIME],
        response: { 200: z.any().describe('Файл XLSX'), ...errorResponses },
      },
    },
    async (req, reply) => sendXlsx(reply, await exportStaff(app.ctx, req.actor, req.params.id)),
  );
  app.get(
    '/events/:id/consultations.xlsx',
    {
      schema: {
        tags,
        summary: 'Консультации в XLSX: организаторам все, остальным свои',
        params: ZIdParams,
        produces: [XLSX_MIME],
        response: { 200: z.any().describe('Файл XLSX'), ...errorResponses },
      },
    },
    async (req, reply) => sendXlsx(reply, await exportConsultations(app.ctx, req.actor, req.params.id)),
  );
  app.post(
    '/events/:id/staff',
    {
      schema: {
        tags,
        summary: 'Назначить сотрудника',
        params: ZIdParams,
        body: ZStaffCreate,
        response: { 201: ZStaff, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createStaff(app.ctx, req.actor, req.params.id, req.body)),
  );
  app.patch(
    '/staff/:id',
    {
      schema: {
        tags,
        summary: 'Изменить назначение',
        params: ZIdParams,
        body: ZStaffUpdate,
        response: { 200: ZStaff, ...errorResponses },
      },
    },
    async (req) => updateStaff(app.ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/staff/:id',
    {
      schema: {
        tags,
        summary: 'Снять назначение',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => deleteStaff(app.ctx, req.actor, req.params.id),
  );
  app.get(
    '/events/:id/consultations',
    {
      schema: {
        tags,
        summary: 'Консультации: организаторам все, остальным свои',
        params: ZIdParams,
        querystring: ZConsultationQuery,
        response: { 200: pageOf(ZConsultation), ...errorResponses },
      },
    },
    async (req) => listConsultations(app.ctx, req.actor, req.params.id, req.query),
  );
  app.post(
    '/events/:id/consultations',
    {
      schema: {
        tags,
        summary: 'Запросить консультацию (педагог или организация): тема, вопрос',
        params: ZIdParams,
        body: ZConsultationCreate,
        response: { 201: ZConsultation, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await requestConsultation(app.ctx, req.actor, req.params.id, req.body)),
  );
  app.patch(
    '/consultations/:id',
    {
      schema: {
        tags,
        summary: 'Назначить консультанта и время, сменить статус (организаторы)',
        params: ZIdParams,
        body: ZConsultationUpdate,
        response: { 200: ZConsultation, ...errorResponses },
      },
    },
    async (req) => updateConsultation(app.ctx, req.actor, req.params.id, req.body),
  );
};

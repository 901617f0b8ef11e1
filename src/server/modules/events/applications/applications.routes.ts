// /api/events/:id/applications and /api/applications/:id (S0-3, S0-4): drafting, submitting, reviewing,
// the comment thread between organiser and applicant.

import { z } from 'zod';
import { sendXlsx, XLSX_MIME } from '../../../documents/xlsx.js';
import { CommonErrors } from '../../../platform/errors.js';
import { sendFile } from '../../../platform/files.js';
import { pageOf, ZPageQuery } from '../../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZError, ZIdParams, ZOk } from '../../../platform/routes.js';
import {
  addAttachment,
  listAttachments,
  openAttachment,
  removeAttachment,
} from './applications.attachments.js';
import { addComment, listComments } from './applications.comments.service.js';
import { exportApplications } from './applications.export.js';
import {
  ZApplication,
  ZApplicationCreate,
  ZApplicationQuery,
  ZApplicationUpdate,
  ZComment,
  ZCommentCreate,
  ZReview,
} from './applications.schemas.js';
import {
  createApplication,
  getApplication,
  listApplications,
  reviewApplication,
  submitApplication,
  updateApplication,
} from './applications.service.js';

export const applicationRoutes: RoutesPlugin = async (app) => {
  const tags = ['applications'];
  app.get(
    '/events/:id/applications',
    {
      schema: {
        tags,
        summary: 'Заявки мероприятия: организатору — все, руководителю — своей организации, педагогу — свои',
        params: ZIdParams,
        querystring: ZApplicationQuery,
        response: { 200: pageOf(ZApplication), ...errorResponses },
      },
    },
    async (req) => listApplications(app.ctx, req.actor, req.params.id, req.query),
  );
  app.get(
    '/events/:id/applications/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Выгрузка видимых заявок мероприятия в XLSX (те же фильтры, что у списка)',
        params: ZIdParams,
        querystring: ZApplicationQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX_MIME],
        response: { 200: z.any().describe('Файл XLSX'), ...errorResponses },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await exportApplications(app.ctx, req.actor, req.params.id, req.query)),
  );
  app.post(
    '/events/:id/applications',
    {
      schema: {
        tags,
        summary: 'Черновик своей заявки (пока открыт приём заявок)',
        params: ZIdParams,
        body: ZApplicationCreate,
        response: { 201: ZApplication, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createApplication(app.ctx, req.actor, req.params.id, req.body)),
  );
  app.get(
    '/applications/:id',
    {
      schema: {
        tags,
        summary: 'Заявка',
        params: ZIdParams,
        response: { 200: ZApplication, ...errorResponses },
      },
    },
    async (req) => getApplication(app.ctx, req.actor, req.params.id),
  );
  app.patch(
    '/applications/:id',
    {
      schema: {
        tags,
        summary: 'Изменить свою заявку (черновик или возвращённую на доработку)',
        params: ZIdParams,
        body: ZApplicationUpdate,
        response: { 200: ZApplication, ...errorResponses },
      },
    },
    async (req) => updateApplication(app.ctx, req.actor, req.params.id, req.body),
  );
  app.post(
    '/applications/:id/submit',
    {
      schema: {
        tags,
        summary: 'Подать заявку (в сроки приёма) или подать доработанную',
        params: ZIdParams,
        response: { 200: ZApplication, ...errorResponses },
      },
    },
    async (req) => submitApplication(app.ctx, req.actor, req.params.id),
  );
  app.post(
    '/applications/:id/review',
    {
      schema: {
        tags,
        summary: 'Рассмотреть заявку: принять, отклонить или вернуть на доработку (организатор)',
        params: ZIdParams,
        body: ZReview,
        response: { 200: ZApplication, ...errorResponses },
      },
    },
    async (req) => reviewApplication(app.ctx, req.actor, req.params.id, req.body),
  );
  app.get(
    '/applications/:id/comments',
    {
      schema: {
        tags,
        summary: 'Переписка по заявке',
        params: ZIdParams,
        querystring: ZPageQuery,
        response: { 200: pageOf(ZComment), ...errorResponses },
      },
    },
    async (req) => listComments(app.ctx, req.actor, req.params.id, req.query),
  );
  app.post(
    '/applications/:id/comments',
    {
      schema: {
        tags,
        summary: 'Написать комментарий к заявке (организатор или заявитель)',
        params: ZIdParams,
        body: ZCommentCreate,
        response: { 201: ZComment, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addComment(app.ctx, req.actor, req.params.id, req.body.body)),
  );

  const ZAttachment = z
    .object({
      id: z.uuid(),
      name: z.string(),
      mime: z.string(),
      size: z.number().int(),
      createdAt: z.string(),
    })
    .meta({ id: 'ApplicationAttachment' });
  const ZFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
  app.get(
    '/applications/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Файлы заявки',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZAttachment) }), ...errorResponses },
      },
    },
    async (req) => listAttachments(app.ctx, req.actor, req.params.id),
  );
  app.post(
    '/applications/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Приложить файл к заявке (заявитель, пока заявка — черновик или на доработке)',
        description:
          'multipart/form-data с полем file; тип проверяется по содержимому, размер ограничен UPLOAD_MAX_MB.',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        response: { 201: ZAttachment, ...errorResponses, 413: ZError, 415: ZError },
      },
      validatorCompiler: ({ httpPart }) =>
        httpPart === 'body'
          ? () => ({ value: undefined })
          : (data) => {
              const r = ZIdParams.safeParse(data);
              return r.success ? { value: r.data } : { error: r.error };
            },
    },
    async (req, reply) => {
      if (req.actor && !req.isMultipart())
        throw CommonErrors.VALIDATION_FAILED({}, [
          { path: 'body', message: 'Ожидается multipart/form-data с полем file' },
        ]);
      return reply.status(201).send(await addAttachment(app.ctx, req.actor, req.params.id, () => req.file()));
    },
  );
  app.get(
    '/applications/:id/attachments/:fileId',
    {
      schema: {
        tags,
        summary: 'Скачать файл заявки',
        params: ZFileParams,
        response: { 200: z.any().describe('Файл'), ...errorResponses },
      },
    },
    async (req, reply) =>
      sendFile(reply, await openAttachment(app.ctx, req.actor, req.params.id, req.params.fileId)),
  );
  app.delete(
    '/applications/:id/attachments/:fileId',
    {
      schema: {
        tags,
        summary: 'Удалить файл заявки (заявитель, пока заявку можно менять)',
        params: ZFileParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => removeAttachment(app.ctx, req.actor, req.params.id, req.params.fileId),
  );
};

// /api/events/:id/materials, /api/materials/:id, /api/events/:id/archive.zip — the materials folder (S0-13).
import { z } from 'zod';
import { CommonErrors, type Lang } from '../../../platform/errors.js';
import { contentDisposition, sendFile } from '../../../platform/files.js';
import { pageOf } from '../../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZError, ZIdParams, ZOk } from '../../../platform/routes.js';
import { ZMaterial, ZMaterialListQuery, ZMaterialUploadDoc } from './materials.schemas.js';
import {
  deleteMaterial,
  eventArchive,
  listMaterials,
  openMaterialFile,
  uploadMaterial,
} from './materials.service.js';

const notMultipart = (lang: Lang) =>
  CommonErrors.VALIDATION_FAILED({}, [
    {
      path: 'body',
      message:
        lang === 'en'
          ? 'Expected multipart/form-data with fields category, title and file'
          : 'Ожидается multipart/form-data с полями category, title и file',
    },
  ]);

export const materialsRoutes: RoutesPlugin = async (app) => {
  app.get(
    '/events/:id/materials',
    {
      schema: {
        tags: ['materials'],
        summary: 'Папка-накопитель события: материалы по категориям (организаторы и выступающие)',
        params: ZIdParams,
        querystring: ZMaterialListQuery,
        response: { 200: pageOf(ZMaterial), ...errorResponses },
      },
    },
    async (req) => listMaterials(app.ctx, req.actor, req.params.id, req.query),
  );

  app.post(
    '/events/:id/materials',
    {
      schema: {
        tags: ['materials'],
        summary: 'Загрузить материал в папку-накопитель',
        description:
          'multipart/form-data: category, title (необязательно), activityId (необязательно), file. ' +
          'Тип файла проверяется по содержимому; размер ограничен настройкой UPLOAD_MAX_MB.',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        body: ZMaterialUploadDoc.optional(),
        response: { 201: ZMaterial, ...errorResponses, 413: ZError, 415: ZError },
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
      if (req.actor && !req.isMultipart()) throw notMultipart(req.lang);
      return reply.status(201).send(await uploadMaterial(app.ctx, req.actor, req.params.id, req.parts()));
    },
  );

  app.delete(
    '/materials/:id',
    {
      schema: {
        tags: ['materials'],
        summary: 'Удалить материал (организатор или загрузивший его выступающий)',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => deleteMaterial(app.ctx, req.actor, req.params.id),
  );

  app.get(
    '/materials/:id/file',
    {
      schema: {
        tags: ['materials'],
        summary: 'Скачать файл материала',
        params: ZIdParams,
        response: { 200: z.any().describe('Файл'), ...errorResponses },
      },
    },
    async (req, reply) => sendFile(reply, await openMaterialFile(app.ctx, req.actor, req.params.id)),
  );

  app.get(
    '/events/:id/archive.zip',
    {
      schema: {
        tags: ['materials'],
        summary: 'Вся папка-накопитель одним ZIP-архивом (подпапка на категорию)',
        params: ZIdParams,
        produces: ['application/zip'],
        response: { 200: z.any().describe('ZIP'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const a = await eventArchive(app.ctx, req.actor, req.params.id);
      return reply
        .type('application/zip')
        .header('content-disposition', contentDisposition(a.fileName))
        .send(a.stream);
    },
  );
};

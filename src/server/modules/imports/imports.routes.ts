// /api/imports: templates, upload (202 + job processed in the background), job progress, the list of jobs.
import { z } from 'zod';
import { CommonErrors, type Lang } from '../../platform/errors.js';
import { pageOf } from '../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZError, ZIdParams } from '../../platform/routes.js';
import { failInterruptedJobs } from './imports.repository.js';
import { ZImportJob, ZImportListQuery, ZImportUploadDoc, ZTemplateParams } from './imports.schemas.js';
import { getImportJob, getImportTemplate, listImports, startImportUpload } from './imports.service.js';

const notMultipart = (lang: Lang) =>
  CommonErrors.VALIDATION_FAILED({}, [
    {
      path: 'body',
      message:
        lang === 'en'
          ? 'Expected multipart/form-data with fields kind, dryRun and file'
          : 'Ожидается multipart/form-data с полями kind, dryRun и file',
    },
  ]);

export const importRoutes: RoutesPlugin = async (app) => {
  // a job that was running when the server stopped can never finish: say so instead of «running» forever
  app.addHook('onReady', async () => {
    await failInterruptedJobs(app.ctx.db).catch(() => 0);
  });

  app.get(
    '/imports/templates/:template',
    {
      schema: {
        tags: ['imports'],
        summary: 'Шаблон файла импорта (XLSX или CSV) с заголовками и строкой-примером',
        params: ZTemplateParams,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
        response: {
          200: z.any().describe('Файл XLSX или CSV (UTF-8 с BOM, разделитель «;»)'),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const t = await getImportTemplate(req.actor, req.params.template);
      return reply
        .type(t.mime)
        .header(
          'content-disposition',
          `attachment; filename="${req.params.template}"; filename*=UTF-8''${encodeURIComponent(t.fileName)}`,
        )
        .send(t.body);
    },
  );

  app.post(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Загрузить файл импорта педагогов или организаций',
        description:
          'multipart/form-data: kind (people | organizations), dryRun (true — только проверка), file (XLSX или CSV). ' +
          'Тип файла проверяется по содержимому. Ответ 202 — задание; ход выполнения — GET /api/imports/{id}.',
        consumes: ['multipart/form-data'],
        body: ZImportUploadDoc.optional(),
        response: { 202: ZImportJob, ...errorResponses, 413: ZError, 415: ZError },
      },
      // the body is streamed by the handler, not validated as JSON
      validatorCompiler: () => () => ({ value: undefined }),
    },
    async (req, reply) => {
      if (req.actor && !req.isMultipart()) throw notMultipart(req.lang);
      return reply.status(202).send(await startImportUpload(app.ctx, req.actor, req.parts()));
    },
  );

  app.get(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Задания импорта: свои (администратор видит все); в списке — до 10 первых ошибок',
        querystring: ZImportListQuery,
        response: { 200: pageOf(ZImportJob), ...errorResponses },
      },
    },
    async (req) => listImports(app.ctx, req.actor, req.query),
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'Задание импорта: статус, счётчики, ошибки по строкам',
        params: ZIdParams,
        response: { 200: ZImportJob, ...errorResponses },
      },
    },
    async (req) => getImportJob(app.ctx, req.actor, req.params.id),
  );
};

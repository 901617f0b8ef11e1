// /api/events/:id/report…: the final report as JSON and DOCX, its conclusion, saving it into the folder (S0-8).
import { z } from 'zod';
import { sendFile } from '../../../platform/files.js';
import { errorResponses, type RoutesPlugin, ZIdParams } from '../../../platform/routes.js';
import { ZMaterial } from '../materials/materials.schemas.js';
import { ZConclusion, ZReport } from './report.schemas.js';
import { getReport, getReportDocx, putConclusion, saveReportToFolder } from './report.service.js';

export const reportRoutes: RoutesPlugin = async (app) => {
  app.get(
    '/events/:id/report',
    {
      schema: {
        tags: ['report'],
        summary: 'Итоговая справка: данные для диаграмм (организаторы)',
        params: ZIdParams,
        response: { 200: ZReport, ...errorResponses },
      },
    },
    async (req) => getReport(app.ctx, req.actor, req.params.id),
  );

  app.get(
    '/events/:id/report.docx',
    {
      schema: {
        tags: ['report'],
        summary: 'Итоговая справка в DOCX',
        params: ZIdParams,
        produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        response: { 200: z.any().describe('DOCX'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const d = await getReportDocx(app.ctx, req.actor, req.params.id);
      return sendFile(reply, {
        file: { name: d.fileName, mime: d.mime, size: d.buffer.length },
        stream: d.buffer,
      });
    },
  );

  app.put(
    '/events/:id/report/conclusion',
    {
      schema: {
        tags: ['report'],
        summary: 'Сохранить выводы итоговой справки',
        params: ZIdParams,
        body: ZConclusion,
        response: { 200: ZConclusion, ...errorResponses },
      },
    },
    async (req) => putConclusion(app.ctx, req.actor, req.params.id, req.body.text),
  );

  app.post(
    '/events/:id/report/save',
    {
      schema: {
        tags: ['report'],
        summary: 'Сохранить итоговую справку (DOCX) в папку-накопитель',
        params: ZIdParams,
        response: { 201: ZMaterial, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await saveReportToFolder(app.ctx, req.actor, req.params.id)),
  );
};

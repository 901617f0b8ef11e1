// Routes of the schedule documents: the programme and attendance lists as PDF/DOCX, participants as XLSX.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { sendXlsx, XLSX_MIME } from '../../../documents/xlsx.js';
import { errorResponses, type RoutesPlugin, ZIdParams } from '../../../platform/routes.js';
import { ZMaterial } from '../materials/materials.schemas.js';
import {
  allAttendanceListsDocument,
  attendanceListDocument,
  programmeDocument,
  saveScheduleDocumentToFolder,
} from './documents.service.js';
import { exportParticipants } from './participants.export.js';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZFormatParams = ZIdParams.extend({ format: z.enum(['pdf', 'docx']) });

function sendDocument(
  reply: FastifyReply,
  format: 'pdf' | 'docx',
  file: { fileName: string; body: Buffer },
  downloadName: string,
) {
  return reply
    .type(format === 'pdf' ? PDF : DOCX)
    .header(
      'content-disposition',
      `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(downloadName)}`,
    )
    .send(file.body);
}

export const documentRoutes: RoutesPlugin = async (app) => {
  const tags = ['schedule'];
  app.get(
    '/events/:id/schedule.:format',
    {
      schema: {
        tags,
        summary: 'Программа мероприятия в PDF или DOCX (таблица на каждый день)',
        params: ZFormatParams,
        produces: [PDF, DOCX],
        response: { 200: z.any().describe('Файл PDF или DOCX'), ...errorResponses },
      },
    },
    async (req, reply) =>
      sendDocument(
        reply,
        req.params.format,
        await programmeDocument(app.ctx, req.actor, req.params.id, req.params.format),
        `Программа.${req.params.format}`,
      ),
  );
  app.get(
    '/activities/:id/attendance-list.:format',
    {
      schema: {
        tags,
        summary: 'Лист регистрации для подписей (ФИО, организация, подпись) в PDF или DOCX',
        params: ZFormatParams,
        produces: [PDF, DOCX],
        response: { 200: z.any().describe('Файл PDF или DOCX'), ...errorResponses },
      },
    },
    async (req, reply) =>
      sendDocument(
        reply,
        req.params.format,
        await attendanceListDocument(app.ctx, req.actor, req.params.id, req.params.format),
        `Лист регистрации.${req.params.format}`,
      ),
  );
  app.get(
    '/events/:id/participants.xlsx',
    {
      schema: {
        tags,
        summary: 'Все записи на мероприятия программы: ФИО, организация, статус записи, присутствие (XLSX)',
        params: ZIdParams,
        produces: [XLSX_MIME],
        response: { 200: z.any().describe('Файл XLSX'), ...errorResponses },
      },
    },
    async (req, reply) => sendXlsx(reply, await exportParticipants(app.ctx, req.actor, req.params.id)),
  );
  app.get(
    '/events/:id/attendance-lists.:format',
    {
      schema: {
        tags,
        summary: 'Все листы регистрации мероприятия одним файлом (по листу на пункт программы), PDF или DOCX',
        params: ZFormatParams,
        produces: [PDF, DOCX],
        response: { 200: z.any().describe('Файл PDF или DOCX'), ...errorResponses },
      },
    },
    async (req, reply) =>
      sendDocument(
        reply,
        req.params.format,
        await allAttendanceListsDocument(app.ctx, req.actor, req.params.id, req.params.format),
        `Листы регистрации.${req.params.format}`,
      ),
  );
  app.post(
    '/events/:id/schedule/save-to-folder',
    {
      schema: {
        tags,
        summary: 'Сохранить программу или все листы регистрации (PDF) в папку-накопитель',
        params: ZIdParams,
        body: z.object({ document: z.enum(['programme', 'attendance_lists']) }),
        response: { 201: ZMaterial, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await saveScheduleDocumentToFolder(app.ctx, req.actor, req.params.id, req.body.document)),
  );
};

// Certificate routes (S0-12): the registry of an event, one certificate's actions and PDF, the batch PDF
// and ZIP, e-mailing with progress, and the public verification by code (no sign-in).
import { createRequire } from 'node:module';
import type { Archiver, ArchiverOptions } from 'archiver';
import { z } from 'zod';
import { sendXlsx, XLSX_MIME } from '../../documents/xlsx.js';
import { pageOf } from '../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZIdParams } from '../../platform/routes.js';
import { exportCertificates } from './certificates.export.js';
import { sendStatus, startCertificateSending } from './certificates.mail.js';
import {
  ZCertificate,
  ZCertificateQuery,
  ZCodeParams,
  ZIssueBody,
  ZIssueResult,
  ZPatchBody,
  ZPublicCertificate,
  ZRevokeBody,
  ZSendStatus,
} from './certificates.schemas.js';
import {
  certificatePdf,
  eventCertificateFiles,
  eventCertificatesPdf,
  issueCertificates,
  listCertificates,
  reissueCertificate,
  revokeCertificate,
  updateCertificate,
  verifyCertificate,
} from './certificates.service.js';

// archiver 7 exports a function; the installed @types describe 8's classes, so the function is typed here
const archiver = createRequire(import.meta.url)('archiver') as (
  format: 'zip',
  options?: ArchiverOptions,
) => Archiver;

const ZFile = (description: string) => z.any().meta({ description });

export const certificateRoutes: RoutesPlugin = async (app) => {
  const tags = ['certificates'];

  app.post(
    '/events/:id/certificates',
    {
      schema: {
        tags,
        summary: 'Выдать сертификаты: всем посетившим (to: "attended") или выбранным людям ({ personIds })',
        params: ZIdParams,
        body: ZIssueBody,
        response: { 200: ZIssueResult, ...errorResponses },
      },
    },
    async (req) => issueCertificates(app.ctx, req.actor, req.params.id, req.body),
  );

  app.get(
    '/events/:id/certificates',
    {
      schema: {
        tags,
        summary: 'Реестр сертификатов мероприятия (поиск по ФИО и номеру, роль, статус)',
        params: ZIdParams,
        querystring: ZCertificateQuery,
        response: { 200: pageOf(ZCertificate), ...errorResponses },
      },
    },
    async (req) => listCertificates(app.ctx, req.actor, req.params.id, req.query),
  );
  app.get(
    '/events/:id/certificates/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Реестр сертификатов мероприятия в XLSX (те же фильтры)',
        params: ZIdParams,
        querystring: ZCertificateQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX_MIME],
        response: { 200: ZFile('Файл XLSX'), ...errorResponses },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await exportCertificates(app.ctx, req.actor, req.params.id, req.query)),
  );

  app.get(
    '/events/:id/certificates.pdf',
    {
      schema: {
        tags,
        summary: 'Все действующие сертификаты мероприятия одним PDF',
        params: ZIdParams,
        response: { 200: ZFile('PDF'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const content = await eventCertificatesPdf(app.ctx, req.actor, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="certificates.pdf"')
        .send(content);
    },
  );

  app.get(
    '/events/:id/certificates.zip',
    {
      schema: {
        tags,
        summary: 'Все действующие сертификаты мероприятия архивом ZIP (PDF на каждый)',
        params: ZIdParams,
        response: { 200: ZFile('ZIP'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const files = await eventCertificateFiles(app.ctx, req.actor, req.params.id);
      // PDFs are compressed already: store them
      const zip = archiver('zip', { store: true });
      for (const f of files) zip.append(f.content, { name: f.name });
      void zip.finalize();
      return reply
        .type('application/zip')
        .header('content-disposition', 'attachment; filename="certificates.zip"')
        .send(zip);
    },
  );

  app.post(
    '/events/:id/certificates/send',
    {
      schema: {
        tags,
        summary: 'Разослать сертификаты держателям по электронной почте (фоновая задача)',
        params: ZIdParams,
        response: { 202: ZSendStatus, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await startCertificateSending(app.ctx, req.actor, req.params.id)),
  );

  app.get(
    '/events/:id/certificates/send-status',
    {
      schema: {
        tags,
        summary: 'Ход рассылки сертификатов',
        params: ZIdParams,
        response: { 200: ZSendStatus, ...errorResponses },
      },
    },
    async (req) => sendStatus(app.ctx, req.actor, req.params.id),
  );

  app.patch(
    '/certificates/:id',
    {
      schema: {
        tags,
        summary: 'Исправить ФИО держателя в дательном падеже',
        params: ZIdParams,
        body: ZPatchBody,
        response: { 200: ZCertificate, ...errorResponses },
      },
    },
    async (req) => updateCertificate(app.ctx, req.actor, req.params.id, req.body),
  );

  app.post(
    '/certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Аннулировать сертификат с указанием причины',
        params: ZIdParams,
        body: ZRevokeBody,
        response: { 200: ZCertificate, ...errorResponses },
      },
    },
    async (req) => revokeCertificate(app.ctx, req.actor, req.params.id, req.body.reason),
  );

  app.post(
    '/certificates/:id/reissue',
    {
      schema: {
        tags,
        summary: 'Переоформить: аннулировать и выдать новый сертификат взамен',
        params: ZIdParams,
        response: { 200: ZCertificate, ...errorResponses },
      },
    },
    async (req) => reissueCertificate(app.ctx, req.actor, req.params.id),
  );

  app.get(
    '/certificates/:id/pdf',
    {
      schema: {
        tags,
        summary: 'Сертификат в PDF (держатель или организатор мероприятия)',
        params: ZIdParams,
        response: { 200: ZFile('PDF'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { fileName, content } = await certificatePdf(app.ctx, req.actor, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(content);
    },
  );

  app.get(
    '/public/certificates/:code',
    {
      schema: {
        tags,
        summary: 'Проверка подлинности сертификата по коду (без входа)',
        params: ZCodeParams,
        response: { 200: ZPublicCertificate, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (req) => verifyCertificate(app.ctx, req.params.code),
  );
};

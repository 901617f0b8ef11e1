// /api/outbox: outgoing mail for admins — list, one message with its text, and the message as an .eml file.
import { z } from 'zod';
import { pageOf } from '../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZIdParams } from '../../platform/routes.js';
import { ZOutboxItem, ZOutboxMessage, ZOutboxQuery } from './mail.schemas.js';
import { getOutboxEml, getOutboxMessage, listOutboxMessages } from './mail.service.js';

export const mailRoutes: RoutesPlugin = async (app) => {
  app.get(
    '/outbox',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Исходящие письма (администратор): фильтр по статусу, поиск по адресату и теме',
        querystring: ZOutboxQuery,
        response: { 200: pageOf(ZOutboxItem), ...errorResponses },
      },
    },
    async (req) => listOutboxMessages(app.ctx, req.actor, req.query),
  );

  app.get(
    '/outbox/:id',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Исходящее письмо с текстом',
        params: ZIdParams,
        response: { 200: ZOutboxMessage, ...errorResponses },
      },
    },
    async (req) => getOutboxMessage(app.ctx, req.actor, req.params.id),
  );

  app.get(
    '/outbox/:id/eml',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Письмо в формате .eml (RFC 822) для скачивания',
        params: ZIdParams,
        response: {
          200: z.any().meta({ description: 'Файл .eml (message/rfc822)' }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const { fileName, content } = await getOutboxEml(app.ctx, req.actor, req.params.id);
      return reply
        .type('message/rfc822')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(content);
    },
  );
};

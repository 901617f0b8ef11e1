// /api/notifications: the signed-in user's own notices, unread count, marking read.
import { z } from 'zod';
import { pageOf, ZPageQuery } from '../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZIdParams, ZOk } from '../../platform/routes.js';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.service.js';

const ZNotification = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable(),
    read: z.boolean(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' });

const ZNotificationQuery = ZPageQuery.extend({
  unreadOnly: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const notificationRoutes: RoutesPlugin = async (app) => {
  const tags = ['notifications'];
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Мои уведомления (новые сверху) и число непрочитанных',
        querystring: ZNotificationQuery,
        response: { 200: pageOf(ZNotification).extend({ unreadCount: z.number().int() }), ...errorResponses },
      },
    },
    async (req) => listNotifications(app.ctx, req.actor, req.query),
  );
  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags,
        summary: 'Число непрочитанных уведомлений',
        response: { 200: z.object({ count: z.number().int() }), ...errorResponses },
      },
    },
    async (req) => unreadCount(app.ctx, req.actor),
  );
  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Отметить уведомление прочитанным',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => markRead(app.ctx, req.actor, req.params.id),
  );
  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Отметить все уведомления прочитанными',
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => markAllRead(app.ctx, req.actor),
  );
};

// /api/health: is the database reachable, which version runs. /api/settings: what the interface needs before it
// draws anything (the centre's time zone for programme times).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { RoutesPlugin } from './routes.js';
import { timeZone } from './time-zone.js';
import { VERSION } from './version.js';

export const healthRoutes: RoutesPlugin = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Состояние сервиса',
        security: [],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.literal('ok'), version: z.string() }),
          503: z.object({
            status: z.literal('error'),
            database: z.literal('unreachable'),
            version: z.string(),
          }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await app.ctx.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: 'ok' as const, version: VERSION };
      } catch {
        return reply
          .status(503)
          .send({ status: 'error' as const, database: 'unreachable' as const, version: VERSION });
      }
    },
  );
  app.get(
    '/settings',
    {
      schema: {
        tags: ['platform'],
        summary: 'Настройки для интерфейса: часовой пояс центра (время в программе), версия',
        security: [],
        response: {
          200: z
            .object({
              timeZone: z.string().describe('IANA, например Europe/Moscow (ROST_TIME_ZONE)'),
              version: z.string(),
            })
            .meta({ id: 'Settings' }),
        },
      },
    },
    async () => ({ timeZone: timeZone(), version: VERSION }),
  );
};

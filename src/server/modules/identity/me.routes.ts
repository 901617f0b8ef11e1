// /api/me: who am I, with my roles.
import { z } from 'zod';
import { requireActor } from '../../platform/actor.js';
import { errorResponses, type RoutesPlugin } from '../../platform/routes.js';

export const ZRoleGrant = z.object({
  role: z.string(),
  scopeType: z.string(),
  scopeId: z.string().nullable(),
});

export const ZMe = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  personId: z.string().nullable(),
  roles: z.array(ZRoleGrant),
});

export const meRoutes: RoutesPlugin = async (app) => {
  app.get(
    '/me',
    {
      schema: {
        tags: ['identity'],
        summary: 'Текущий пользователь',
        response: { 200: ZMe, ...errorResponses },
      },
    },
    async (req) => requireActor(req.actor),
  );
};

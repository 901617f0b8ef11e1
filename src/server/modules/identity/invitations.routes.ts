// /api/invitations: invite a person by e-mail (admin; methodologist within scope) and check an invitation link.
import { errorResponses, type RoutesPlugin } from '../../platform/routes.js';
import { checkInvitation, inviteUser } from './invitations.service.js';
import {
  ZInvitationCheck,
  ZInvitationCheckQuery,
  ZInvitationCreate,
  ZInvitationCreated,
} from './users.schemas.js';

export const invitationsRoutes: RoutesPlugin = async (app) => {
  app.post(
    '/invitations',
    {
      schema: {
        tags: ['users'],
        summary:
          'Пригласить по e-mail: создаёт учётную запись без пароля с ролями и отправляет ссылку ' +
          '(методист — только роли teacher, organization_head, mentor, community_leader в своей области)',
        body: ZInvitationCreate,
        response: { 201: ZInvitationCreated, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await inviteUser(app.ctx, req.actor, req.body)),
  );

  app.get(
    '/invitations/check',
    {
      schema: {
        tags: ['users'],
        summary:
          'Для кого приглашение (без входа). Пароль задаётся через POST /api/auth/reset-password { newPassword, token }',
        security: [],
        querystring: ZInvitationCheckQuery,
        response: { 200: ZInvitationCheck, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (req) => checkInvitation(app.ctx, req.query.token),
  );
};

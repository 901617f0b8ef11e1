// /api/users: accounts and their role grants. Admin reads and writes; a methodologist reads users whose
// grants lie within their scope.
import { pageOf } from '../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZIdParams } from '../../platform/routes.js';
import { ZUser, ZUserListQuery, ZUserPatch, ZUserRolesPut } from './users.schemas.js';
import { getUser, listUsers, replaceUserRoles, updateUser } from './users.service.js';

export const usersRoutes: RoutesPlugin = async (app) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Пользователи с ролями: поиск по имени и e-mail, фильтр по роли',
        querystring: ZUserListQuery,
        response: { 200: pageOf(ZUser), ...errorResponses },
      },
    },
    async (req) => listUsers(app.ctx, req.actor, req.query),
  );

  app.get(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Пользователь с ролями',
        params: ZIdParams,
        response: { 200: ZUser, ...errorResponses },
      },
    },
    async (req) => getUser(app.ctx, req.actor, req.params.id),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Изменить имя, связь с человеком из справочника, отключить или включить (администратор)',
        params: ZIdParams,
        body: ZUserPatch,
        response: { 200: ZUser, ...errorResponses },
      },
    },
    async (req) => updateUser(app.ctx, req.actor, req.params.id, req.body),
  );

  app.put(
    '/users/:id/roles',
    {
      schema: {
        tags: ['users'],
        summary: 'Заменить все роли пользователя (администратор)',
        params: ZIdParams,
        body: ZUserRolesPut,
        response: { 200: ZUser, ...errorResponses },
      },
    },
    async (req) => replaceUserRoles(app.ctx, req.actor, req.params.id, req.body.grants),
  );
};

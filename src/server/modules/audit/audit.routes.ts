// /api/audit-log: every create, update and delete with actor, time and before/after values (admin only).
import { pageOf } from '../../platform/pagination.js';
import { errorResponses, type RoutesPlugin } from '../../platform/routes.js';
import { ZAuditEntry, ZAuditQuery } from './audit.schemas.js';
import { listAuditEntries } from './audit.service.js';

export const auditRoutes: RoutesPlugin = async (app) => {
  app.get(
    '/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Журнал изменений: фильтры по записи, автору, действию и периоду; новые сверху',
        querystring: ZAuditQuery,
        response: { 200: pageOf(ZAuditEntry), ...errorResponses },
      },
    },
    async (req) => listAuditEntries(app.ctx, req.actor, req.query),
  );
};

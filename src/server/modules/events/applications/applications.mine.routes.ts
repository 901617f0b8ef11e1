// /api/me/applications, /api/applications/awaiting-review, /api/applications/organization-summary (S0-3, S0-4):
// the application lists the home page shows to a teacher, an organiser and an organisation head.
import { pageOf } from '../../../platform/pagination.js';
import { errorResponses, type RoutesPlugin } from '../../../platform/routes.js';
import {
  ZAwaitingPage,
  ZAwaitingQuery,
  ZMyApplicationsQuery,
  ZOrganizationSummary,
} from './applications.mine.schemas.js';
import { listAwaitingReview, listMyApplications, organizationSummary } from './applications.mine.service.js';
import { ZApplication } from './applications.schemas.js';

export const myApplicationRoutes: RoutesPlugin = async (app) => {
  const tags = ['applications'];
  app.get(
    '/me/applications',
    {
      schema: {
        tags,
        summary: 'Мои заявки по всем мероприятиям (как заявителя)',
        querystring: ZMyApplicationsQuery,
        response: { 200: pageOf(ZApplication), ...errorResponses },
      },
    },
    async (req) => listMyApplications(app.ctx, req.actor, req.query),
  );
  app.get(
    '/applications/awaiting-review',
    {
      schema: {
        tags,
        summary: 'Поданные заявки, ждущие рассмотрения, по мероприятиям, которыми управляет пользователь',
        querystring: ZAwaitingQuery,
        response: { 200: ZAwaitingPage, ...errorResponses },
      },
    },
    async (req) => listAwaitingReview(app.ctx, req.actor, req.query),
  );
  app.get(
    '/applications/organization-summary',
    {
      schema: {
        tags,
        summary:
          'Заявки педагогов моей организации: число по статусам для каждого мероприятия (руководитель)',
        response: { 200: ZOrganizationSummary, ...errorResponses },
      },
    },
    async (req) => organizationSummary(app.ctx, req.actor),
  );
};

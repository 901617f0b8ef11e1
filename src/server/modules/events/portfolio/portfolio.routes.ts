// /api/people/:id/portfolio — the person's portfolio of event evidence (S0-14).
import { z } from 'zod';
import { errorResponses, type RoutesPlugin, ZIdParams } from '../../../platform/routes.js';
import { getPortfolio } from './portfolio.service.js';

export const ZEvidence = z
  .object({
    kind: z.literal('event'),
    eventId: z.uuid(),
    activityId: z.uuid().nullable(),
    date: z.string(),
    title: z.string(),
    activityTitle: z.string().nullable(),
    role: z.enum(['presenter', 'listener', 'staff']),
    form: z.string().nullable(),
    topic: z.string().nullable(),
    confirmed: z.boolean(),
    certificateNumber: z.string().nullable(),
    certificateId: z.uuid().nullable(),
    certificateCode: z.string().nullable().describe('код для публичной проверки /verify/{code}'),
    link: z.string(),
  })
  .meta({ id: 'PortfolioItem' });

const ZPortfolio = z.object({
  person: z.object({ id: z.uuid(), fullName: z.string() }),
  items: z.array(ZEvidence),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const ZPortfolioQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(200),
});

export const portfolioRoutes: RoutesPlugin = async (app) => {
  app.get(
    '/people/:id/portfolio',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Портфолио педагога: выступления, посещения, работа в оргкомитете, сертификаты',
        params: ZIdParams,
        querystring: ZPortfolioQuery,
        response: { 200: ZPortfolio, ...errorResponses },
      },
    },
    async (req) => getPortfolio(app.ctx, req.actor, req.params.id, req.query),
  );
};

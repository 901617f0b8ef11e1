// Request and response shapes of the home-page application lists (S0-3, S0-4).
import { z } from 'zod';
import { pageOf, ZPageQuery } from '../../../platform/pagination.js';
import { ZApplication, ZApplicationStatus } from './applications.schemas.js';

export const ZMyApplicationsQuery = ZPageQuery.extend({
  status: ZApplicationStatus.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type TMyApplicationsQuery = z.infer<typeof ZMyApplicationsQuery>;

export const ZAwaitingQuery = ZPageQuery.extend({ eventId: z.uuid().optional() });
export type TAwaitingQuery = z.infer<typeof ZAwaitingQuery>;

export const ZAwaitingPage = pageOf(ZApplication).extend({
  byEvent: z.array(
    z.object({ eventId: z.uuid(), eventTitle: z.string(), startDate: z.string(), count: z.number().int() }),
  ),
});

const ZCounts = z.object(
  Object.fromEntries(ZApplicationStatus.options.map((s) => [s, z.number().int().optional()])),
);

export const ZOrganizationSummary = z.object({
  items: z.array(
    z.object({
      organization: z.object({ id: z.uuid(), name: z.string() }),
      event: z.object({ id: z.uuid(), title: z.string(), startDate: z.string() }),
      counts: ZCounts,
      total: z.number().int(),
    }),
  ),
});

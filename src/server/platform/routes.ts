// Shared pieces for declaring routes: the plugin type, common error responses and id params.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export type RoutesPlugin = FastifyPluginAsyncZod;

export const ZError = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: 'Error' });

/** Every error response a protected route can give; spread into `schema.response`. */
export const errorResponses = {
  400: ZError,
  401: ZError,
  403: ZError,
  404: ZError,
  409: ZError,
} as const;

export const ZIdParams = z.object({ id: z.uuid() });
export const ZOk = z.object({ ok: z.literal(true) });

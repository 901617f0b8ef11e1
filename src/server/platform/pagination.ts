// Server-side pagination and sorting shared by every list route.
import { z } from 'zod';

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

/**
 * A yes/no query flag: `true`/`1` or `false`/`0`, anything else is a 400. (`z.coerce.boolean()` would read the
 * string "false" as true.)
 */
export const ZQueryFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export function offsetOf(q: { page: number; pageSize: number }): number {
  return (q.page - 1) * q.pageSize;
}

/** Large exports walk the list in chunks of this size instead of loading it at once. */
export const EXPORT_CHUNK = 1000;

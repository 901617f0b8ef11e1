// The audit log: every create, update and delete, written in the same transaction as the change.
import type { DbOrTx } from '../db/db.js';
import type { Actor } from './actor.js';
import { auditEntry } from './platform.tables.js';

export type AuditAction = 'create' | 'update' | 'delete';

export async function audit(
  db: DbOrTx,
  actor: Actor | null,
  action: AuditAction,
  entity: string,
  entityId: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await db.insert(auditEntry).values({
    actorUserId: actor?.userId ?? null,
    actorName: actor?.name ?? 'система',
    action,
    entity,
    entityId,
    before: before === undefined ? null : (strip(before) as object),
    after: after === undefined ? null : (strip(after) as object),
  });
}

/** Keeps secrets out of the log. */
function strip(v: unknown): unknown {
  if (!v || typeof v !== 'object') return v;
  const { password, token, ...rest } = v as Record<string, unknown>;
  return rest;
}

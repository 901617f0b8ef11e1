// Browsing the audit log (admin only).
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { canReadAuditLog } from './audit.policy.js';
import { findAuditEntries } from './audit.repository.js';
import type { TAuditEntry, TAuditQuery } from './audit.schemas.js';

export async function listAuditEntries(ctx: AppContext, actorOrNull: Actor | null, query: TAuditQuery) {
  const actor = requireActor(actorOrNull);
  if (!canReadAuditLog(actor)) forbid();
  const { rows, total } = await findAuditEntries(ctx.db, query);
  const items: TAuditEntry[] = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorUserId: r.actorUserId,
    actorName: r.actorName,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

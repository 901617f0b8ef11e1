// The comment thread between organisers and the applicant of one application.
import { asc, count, eq } from 'drizzle-orm';
import { type Actor, forbid, requireActor } from '../../../platform/actor.js';
import { audit } from '../../../platform/audit.js';
import type { AppContext } from '../../../platform/context.js';
import { offsetOf } from '../../../platform/pagination.js';
import { notify } from '../../notifications/notifications.service.js';
import { applicationComment } from '../events.tables.js';
import { canCommentApplication, isApplicant } from './applications.policy.js';

import { loadApplicationFor } from './applications.service.js';

export async function listComments(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  q: { page: number; pageSize: number },
) {
  const actor = requireActor(actorIn);
  await loadApplicationFor(ctx.db, actor, id);
  const where = eq(applicationComment.applicationId, id);
  const [rows, [{ n }]] = await Promise.all([
    ctx.db
      .select()
      .from(applicationComment)
      .where(where)
      .orderBy(asc(applicationComment.at), asc(applicationComment.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ctx.db.select({ n: count() }).from(applicationComment).where(where),
  ]);
  return {
    items: rows.map((c) => ({
      id: c.id,
      authorName: c.authorName,
      body: c.body,
      decision: c.decision,
      at: c.at.toISOString(),
      mine: c.authorUserId === actor.userId,
    })),
    total: n,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function addComment(ctx: AppContext, actorIn: Actor | null, id: string, body: string) {
  const actor = requireActor(actorIn);
  return ctx.db.transaction(async (tx) => {
    const { row, event: ev, canManage } = await loadApplicationFor(tx, actor, id);
    if (!canCommentApplication(actor, row, canManage)) forbid();
    const [c] = await tx
      .insert(applicationComment)
      .values({ applicationId: id, authorUserId: actor.userId, authorName: actor.name, body })
      .returning();
    await audit(tx, actor, 'create', 'application_comment', c.id, null, c);
    const fromApplicant = isApplicant(actor, row);
    const to = fromApplicant ? ev.createdBy : row.applicantUserId;
    if (to && to !== actor.userId)
      await notify(ctx, tx, {
        userIds: [to],
        kind: 'application_comment',
        title: `Новый комментарий к заявке: ${row.topic}`,
        body: `${actor.name}: ${body}`,
        link: `/applications/${id}`,
        email: true,
      });
    return {
      id: c.id,
      authorName: c.authorName,
      body: c.body,
      decision: c.decision,
      at: c.at.toISOString(),
      mine: true,
    };
  });
}

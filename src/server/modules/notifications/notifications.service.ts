// In-app notifications: notify() writes one row per recipient and queues an e-mail copy; each user
// reads their own notices, marks them read and sees the unread count.
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/db.js';
import { type Actor, requireActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { CommonErrors } from '../../platform/errors.js';
import { offsetOf } from '../../platform/pagination.js';
import { user } from '../identity/identity.tables.js';
import { queueMail } from '../mail/index.js';
import { notification } from './notifications.tables.js';

export type NotifyInput = {
  userIds: string[];
  kind: string;
  title: string;
  body?: string | null;
  /** a path inside the app, e.g. `/events/…`; the e-mail carries it as a full address */
  link?: string | null;
  /** also send an e-mail copy (default true) */
  email?: boolean;
  /**
   * Reminders: a user who already has a notice with this key is skipped (no second row, no second e-mail);
   * the unique index on (user_id, dedupe_key) decides, so concurrent runs cannot both send.
   */
  dedupeKey?: string;
};

/**
 * Notifies users in the app and (by default) by e-mail. The rows are written in `tx`; e-mails are queued
 * through the mail outbox. Returns the number of users notified (with `dedupeKey`: those not notified before).
 */
export async function notify(ctx: AppContext, tx: DbOrTx, input: NotifyInput): Promise<number> {
  const unique = [...new Set(input.userIds.filter(Boolean))];
  if (unique.length === 0) return 0;
  const rows = unique.map((userId) => ({
    userId,
    kind: input.kind,
    title: input.title,
    body: input.body ?? null,
    link: input.link ?? null,
    dedupeKey: input.dedupeKey ?? null,
  }));
  let ids = unique;
  if (input.dedupeKey) {
    const inserted = await tx
      .insert(notification)
      .values(rows)
      .onConflictDoNothing({ target: [notification.userId, notification.dedupeKey] })
      .returning({ userId: notification.userId });
    ids = inserted.map((r) => r.userId);
    if (ids.length === 0) return 0;
  } else {
    await tx.insert(notification).values(rows);
  }
  if (input.email === false) return ids.length;
  const recipients = await tx.select({ email: user.email }).from(user).where(inArray(user.id, ids));
  const url = input.link ? `${ctx.config.publicUrl.replace(/\/$/, '')}${input.link}` : null;
  const text = [input.body ?? '', url ? `Подробнее: ${url}` : ''].filter(Boolean).join('\n\n');
  for (const r of recipients) {
    await queueMail(ctx, { to: r.email, subject: input.title, text: text || input.title, kind: input.kind });
  }
  return ids.length;
}

export type TNotificationQuery = { page: number; pageSize: number; unreadOnly?: boolean };

export async function listNotifications(ctx: AppContext, actorIn: Actor | null, q: TNotificationQuery) {
  const actor = requireActor(actorIn);
  const where = and(
    eq(notification.userId, actor.userId),
    q.unreadOnly ? isNull(notification.readAt) : undefined,
  );
  const [rows, [{ n }], [{ unread }]] = await Promise.all([
    ctx.db
      .select()
      .from(notification)
      .where(where)
      .orderBy(desc(notification.createdAt), desc(notification.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ctx.db.select({ n: count() }).from(notification).where(where),
    ctx.db
      .select({ unread: count() })
      .from(notification)
      .where(and(eq(notification.userId, actor.userId), isNull(notification.readAt))),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      read: r.readAt !== null,
      readAt: r.readAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    total: n,
    page: q.page,
    pageSize: q.pageSize,
    unreadCount: unread,
  };
}

export async function unreadCount(ctx: AppContext, actorIn: Actor | null) {
  const actor = requireActor(actorIn);
  const [{ unread }] = await ctx.db
    .select({ unread: count() })
    .from(notification)
    .where(and(eq(notification.userId, actor.userId), isNull(notification.readAt)));
  return { count: unread };
}

export async function markRead(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requireActor(actorIn);
  const [row] = await ctx.db
    .select({ userId: notification.userId, readAt: notification.readAt })
    .from(notification)
    .where(eq(notification.id, id));
  // someone else's notice is reported as absent: its existence is not revealed
  if (!row || row.userId !== actor.userId) throw CommonErrors.NOT_FOUND();
  if (!row.readAt)
    await ctx.db.update(notification).set({ readAt: new Date() }).where(eq(notification.id, id));
  return { ok: true as const };
}

export async function markAllRead(ctx: AppContext, actorIn: Actor | null) {
  const actor = requireActor(actorIn);
  await ctx.db
    .update(notification)
    .set({ readAt: new Date() })
    .where(and(eq(notification.userId, actor.userId), isNull(notification.readAt)));
  return { ok: true as const };
}

// Attendance: marked by the organisers, or by the participant scanning the QR code shown at the door.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import QRCode from 'qrcode';
import { resolveSecret } from '../../../bootstrap.js';
import { type Actor, requireActor } from '../../../platform/actor.js';
import { audit } from '../../../platform/audit.js';
import type { AppContext } from '../../../platform/context.js';
import { activity, attendance, registration } from '../events.tables.js';
import { requireActivityManager } from './registrations.service.js';
import { requirePerson } from './schedule.common.js';
import { ScheduleErrors } from './schedule.errors.js';

export async function setAttendance(
  ctx: AppContext,
  actorOrNull: Actor | null,
  activityId: string,
  body: { personIds: string[]; present: boolean },
) {
  const { actor } = await requireActivityManager(ctx, actorOrNull, activityId);
  const personIds = [...new Set(body.personIds)];
  await ctx.db
    .transaction(async (tx) => {
      if (body.present) {
        const known = await tx
          .select({ personId: registration.personId })
          .from(registration)
          .where(and(eq(registration.activityId, activityId), inArray(registration.personId, personIds)));
        // anyone the organisers mark is a participant, registered or not: walk-ins are common
        const exists = new Set(known.map((k) => k.personId));
        const rows = await tx
          .insert(attendance)
          .values(
            personIds.map((personId) => ({
              activityId,
              personId,
              method: 'manual' as const,
              markedBy: actor.userId,
            })),
          )
          .onConflictDoNothing()
          .returning();
        for (const r of rows)
          await audit(tx, actor, 'create', 'attendance', `${activityId}:${r.personId}`, undefined, {
            ...r,
            registered: exists.has(r.personId),
          });
      } else {
        const rows = await tx
          .delete(attendance)
          .where(and(eq(attendance.activityId, activityId), inArray(attendance.personId, personIds)))
          .returning();
        for (const r of rows)
          await audit(tx, actor, 'delete', 'attendance', `${activityId}:${r.personId}`, r, undefined);
      }
    })
    .catch((e: { cause?: { code?: string }; code?: string }) => {
      if ((e.cause?.code ?? e.code) === '23503') throw ScheduleErrors.UNKNOWN_PERSON();
      throw e;
    });
  return { ok: true as const };
}

export function checkinKey(ctx: AppContext, activityId: string): string {
  return createHmac('sha256', resolveSecret(ctx.config))
    .update(`checkin:${activityId}`)
    .digest('base64url')
    .slice(0, 22);
}

export function checkinUrl(ctx: AppContext, activityId: string): string {
  return `${ctx.config.publicUrl}/checkin/${activityId}?k=${checkinKey(ctx, activityId)}`;
}

export async function checkinQr(
  ctx: AppContext,
  actorOrNull: Actor | null,
  activityId: string,
): Promise<string> {
  await requireActivityManager(ctx, actorOrNull, activityId);
  return QRCode.toString(checkinUrl(ctx, activityId), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

export async function checkin(ctx: AppContext, actorOrNull: Actor | null, activityId: string, k: string) {
  const actor = requireActor(actorOrNull);
  const personId = requirePerson(actor);
  const [a] = await ctx.db
    .select({ id: activity.id, title: activity.title })
    .from(activity)
    .where(eq(activity.id, activityId))
    .limit(1);
  if (!a) throw ScheduleErrors.ACTIVITY_NOT_FOUND();
  const expected = Buffer.from(checkinKey(ctx, activityId));
  const given = Buffer.from(k);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw ScheduleErrors.CHECKIN_KEY_INVALID();
  const [reg] = await ctx.db
    .select({ status: registration.status })
    .from(registration)
    .where(and(eq(registration.activityId, activityId), eq(registration.personId, personId)))
    .limit(1);
  if (reg?.status !== 'registered') throw ScheduleErrors.NOT_REGISTERED();
  const rows = await ctx.db
    .insert(attendance)
    .values({ activityId, personId, method: 'qr', markedBy: actor.userId })
    .onConflictDoNothing()
    .returning();
  return { ok: true as const, alreadyMarked: rows.length === 0, title: a.title };
}

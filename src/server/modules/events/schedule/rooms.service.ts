// Rooms of an event (S0-5): list, add, rename and remove, for the event's managers; a name is unique per event.
import { eq, sql } from 'drizzle-orm';
import { type Actor, requireActor } from '../../../platform/actor.js';
import { audit } from '../../../platform/audit.js';
import type { AppContext } from '../../../platform/context.js';
import { postgresErrorOf } from '../../../platform/http-errors.js';
import { activity, room } from '../events.tables.js';
import { requireEventManager } from './schedule.common.js';
import { ScheduleErrors } from './schedule.errors.js';
import type { TRoom } from './schedule.schemas.js';

export async function listRooms(ctx: AppContext, actor: Actor | null, eventId: string): Promise<TRoom[]> {
  await requireEventManager(ctx, actor, eventId);
  return ctx.db
    .select()
    .from(room)
    .where(eq(room.eventId, eventId))
    .orderBy(sql`${room.name} collate ru_icu`);
}

function roomGuard(name: string) {
  return (e: unknown) => {
    const pg = postgresErrorOf(e);
    if (pg?.code === '23505' && pg.constraint === 'room_event_name')
      throw ScheduleErrors.ROOM_NAME_TAKEN({ name });
    throw e;
  };
}

export async function createRoom(
  ctx: AppContext,
  actorOrNull: Actor | null,
  eventId: string,
  body: { name: string; capacity?: number | null; equipment?: string | null },
): Promise<TRoom> {
  const { actor } = await requireEventManager(ctx, actorOrNull, eventId);
  return ctx.db
    .transaction(async (tx) => {
      const [r] = await tx
        .insert(room)
        .values({
          eventId,
          name: body.name,
          capacity: body.capacity ?? null,
          equipment: body.equipment ?? null,
        })
        .returning();
      await audit(tx, actor, 'create', 'room', r.id, undefined, r);
      return r;
    })
    .catch(roomGuard(body.name));
}

async function loadRoom(ctx: AppContext, actorOrNull: Actor | null, id: string) {
  requireActor(actorOrNull);
  const [r] = await ctx.db.select().from(room).where(eq(room.id, id)).limit(1);
  if (!r) throw ScheduleErrors.ROOM_NOT_FOUND();
  const { actor } = await requireEventManager(ctx, actorOrNull, r.eventId);
  return { actor, r };
}

export async function updateRoom(
  ctx: AppContext,
  actorOrNull: Actor | null,
  id: string,
  body: { name?: string; capacity?: number | null; equipment?: string | null },
): Promise<TRoom> {
  const { actor, r } = await loadRoom(ctx, actorOrNull, id);
  return ctx.db
    .transaction(async (tx) => {
      const [after] = await tx.update(room).set(body).where(eq(room.id, id)).returning();
      await audit(tx, actor, 'update', 'room', id, r, after);
      return after;
    })
    .catch(roomGuard(body.name ?? r.name));
}

export async function deleteRoom(ctx: AppContext, actorOrNull: Actor | null, id: string) {
  const { actor, r } = await loadRoom(ctx, actorOrNull, id);
  await ctx.db.transaction(async (tx) => {
    const [used] = await tx
      .select({ id: activity.id })
      .from(activity)
      .where(eq(activity.roomId, id))
      .limit(1);
    if (used) throw ScheduleErrors.ROOM_IN_USE();
    await tx.delete(room).where(eq(room.id, id));
    await audit(tx, actor, 'delete', 'room', id, r, undefined);
  });
  return { ok: true as const };
}

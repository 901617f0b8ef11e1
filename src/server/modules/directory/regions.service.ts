// Regions: read by any user with a role, changed by administrators; every change audited.
import { eq } from 'drizzle-orm';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { CommonErrors } from '../../platform/errors.js';
import {
  auditable,
  blankToNull,
  changedFields,
  requireDirectoryReader,
  withUniqueGuard,
} from './directory.common.js';
import { DirectoryErrors } from './directory.errors.js';
import { canManageGeography } from './directory.policy.js';
import type { TRegion, TRegionCreate, TRegionQuery, TRegionUpdate } from './directory.schemas.js';
import { region } from './directory.tables.js';
import {
  countMunicipalitiesInRegion,
  findRegionById,
  findRegions,
  type RegionRow,
} from './regions.repository.js';

const toDto = (r: RegionRow): TRegion => ({ id: r.id, name: r.name, code: r.code });

const nameTaken = (name: string) => ({
  region_name_unique: () => DirectoryErrors.REGION_NAME_TAKEN({ name }),
});

function requireGeographyManager(actorOrNull: Actor | null): Actor {
  const actor = requireActor(actorOrNull);
  if (!canManageGeography(actor)) forbid();
  return actor;
}

export async function listRegions(ctx: AppContext, actor: Actor | null, q: TRegionQuery) {
  requireDirectoryReader(actor);
  const { rows, total } = await findRegions(ctx.db, q);
  return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
}

export async function getRegion(ctx: AppContext, actor: Actor | null, id: string): Promise<TRegion> {
  requireDirectoryReader(actor);
  const row = await findRegionById(ctx.db, id);
  if (!row) throw DirectoryErrors.REGION_NOT_FOUND();
  return toDto(row);
}

export async function createRegion(ctx: AppContext, actorOrNull: Actor | null, input: TRegionCreate) {
  const actor = requireGeographyManager(actorOrNull);
  const values = { name: input.name, code: blankToNull(input.code) ?? null };
  return withUniqueGuard(
    () =>
      ctx.db.transaction(async (tx) => {
        const [row] = await tx.insert(region).values(values).returning();
        await audit(tx, actor, 'create', 'region', row.id, null, auditable(row));
        return toDto(row);
      }),
    nameTaken(values.name),
  );
}

export async function updateRegion(
  ctx: AppContext,
  actorOrNull: Actor | null,
  id: string,
  input: TRegionUpdate,
) {
  const actor = requireGeographyManager(actorOrNull);
  const patch = { name: input.name, code: blankToNull(input.code) };
  return withUniqueGuard(
    () =>
      ctx.db.transaction(async (tx) => {
        const before = await findRegionById(tx, id, true);
        if (!before) throw DirectoryErrors.REGION_NOT_FOUND();
        const changes = changedFields(before, patch);
        if (Object.keys(changes).length === 0) return toDto(before);
        const [after] = await tx
          .update(region)
          .set({ ...changes, updatedAt: new Date() })
          .where(eq(region.id, id))
          .returning();
        await audit(tx, actor, 'update', 'region', id, auditable(before), auditable(after));
        return toDto(after);
      }),
    nameTaken(input.name ?? ''),
  );
}

export async function deleteRegion(ctx: AppContext, actorOrNull: Actor | null, id: string) {
  const actor = requireGeographyManager(actorOrNull);
  await ctx.db.transaction(async (tx) => {
    const before = await findRegionById(tx, id, true);
    if (!before) throw DirectoryErrors.REGION_NOT_FOUND();
    const municipalities = await countMunicipalitiesInRegion(tx, id);
    if (municipalities > 0) throw CommonErrors.IN_USE({}, { municipalities });
    await tx.delete(region).where(eq(region.id, id));
    await audit(tx, actor, 'delete', 'region', id, auditable(before), null);
  });
  return { ok: true as const };
}

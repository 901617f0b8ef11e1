// Municipalities: read by any user with a role, changed by administrators; every change audited.
import { eq } from 'drizzle-orm';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { CommonErrors } from '../../platform/errors.js';
import { auditable, changedFields, requireDirectoryReader, withUniqueGuard } from './directory.common.js';
import { DirectoryErrors } from './directory.errors.js';
import { canManageGeography } from './directory.policy.js';
import type {
  TMunicipality,
  TMunicipalityCreate,
  TMunicipalityQuery,
  TMunicipalityUpdate,
} from './directory.schemas.js';
import { municipality } from './directory.tables.js';
import {
  countOrganizationsInMunicipality,
  findMunicipalities,
  findMunicipalityById,
  findMunicipalityView,
  regionExists,
} from './municipalities.repository.js';

const nameTaken = (name: string) => ({
  municipality_region_name: () => DirectoryErrors.MUNICIPALITY_NAME_TAKEN({ name }),
});

function requireGeographyManager(actorOrNull: Actor | null): Actor {
  const actor = requireActor(actorOrNull);
  if (!canManageGeography(actor)) forbid();
  return actor;
}

export async function listMunicipalities(ctx: AppContext, actor: Actor | null, q: TMunicipalityQuery) {
  requireDirectoryReader(actor);
  const { rows, total } = await findMunicipalities(ctx.db, q);
  return { items: rows, total, page: q.page, pageSize: q.pageSize };
}

export async function getMunicipality(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<TMunicipality> {
  requireDirectoryReader(actor);
  const row = await findMunicipalityView(ctx.db, id);
  if (!row) throw DirectoryErrors.MUNICIPALITY_NOT_FOUND();
  return row;
}

export async function createMunicipality(
  ctx: AppContext,
  actorOrNull: Actor | null,
  input: TMunicipalityCreate,
): Promise<TMunicipality> {
  const actor = requireGeographyManager(actorOrNull);
  const id = await withUniqueGuard(
    () =>
      ctx.db.transaction(async (tx) => {
        if (!(await regionExists(tx, input.regionId)))
          throw DirectoryErrors.UNKNOWN_REGION({}, { field: 'regionId' });
        const [row] = await tx
          .insert(municipality)
          .values({ regionId: input.regionId, name: input.name })
          .returning();
        await audit(tx, actor, 'create', 'municipality', row.id, null, auditable(row));
        return row.id;
      }),
    nameTaken(input.name),
  );
  return (await findMunicipalityView(ctx.db, id))!;
}

export async function updateMunicipality(
  ctx: AppContext,
  actorOrNull: Actor | null,
  id: string,
  input: TMunicipalityUpdate,
): Promise<TMunicipality> {
  const actor = requireGeographyManager(actorOrNull);
  let name = input.name ?? '';
  await withUniqueGuard(
    () =>
      ctx.db.transaction(async (tx) => {
        const before = await findMunicipalityById(tx, id, true);
        if (!before) throw DirectoryErrors.MUNICIPALITY_NOT_FOUND();
        name = input.name ?? before.name;
        const changes = changedFields(before, { regionId: input.regionId, name: input.name });
        if (Object.keys(changes).length === 0) return;
        if (changes.regionId && !(await regionExists(tx, changes.regionId))) {
          throw DirectoryErrors.UNKNOWN_REGION({}, { field: 'regionId' });
        }
        const [after] = await tx
          .update(municipality)
          .set({ ...changes, updatedAt: new Date() })
          .where(eq(municipality.id, id))
          .returning();
        await audit(tx, actor, 'update', 'municipality', id, auditable(before), auditable(after));
      }),
    { municipality_region_name: () => DirectoryErrors.MUNICIPALITY_NAME_TAKEN({ name }) },
  );
  return (await findMunicipalityView(ctx.db, id))!;
}

export async function deleteMunicipality(ctx: AppContext, actorOrNull: Actor | null, id: string) {
  const actor = requireGeographyManager(actorOrNull);
  await ctx.db.transaction(async (tx) => {
    const before = await findMunicipalityById(tx, id, true);
    if (!before) throw DirectoryErrors.MUNICIPALITY_NOT_FOUND();
    const organizations = await countOrganizationsInMunicipality(tx, id);
    if (organizations > 0) throw CommonErrors.IN_USE({}, { organizations });
    await tx.delete(municipality).where(eq(municipality.id, id));
    await audit(tx, actor, 'delete', 'municipality', id, auditable(before), null);
  });
  return { ok: true as const };
}

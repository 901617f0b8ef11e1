// Organisations: list, detail, create, update, delete and XLSX export; access by scope; every change audited.

import type { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { datedFileName, writeXlsx, type XlsxColumn, type XlsxDocument } from '../../documents/xlsx.js';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { CommonErrors } from '../../platform/errors.js';
import { EXPORT_CHUNK, offsetOf } from '../../platform/pagination.js';
import { ORGANIZATION_KIND_LABELS } from './catalogs.service.js';
import {
  auditable,
  blankToNull,
  changedFields,
  cursorRows,
  pgErrorOf,
  requireDirectoryReader,
  withUniqueGuard,
} from './directory.common.js';
import { DirectoryErrors } from './directory.errors.js';
import {
  canEditOrganization,
  canManageOrganizationsIn,
  type DirectoryPlace,
  mayWriteDirectory,
} from './directory.policy.js';
import type {
  TOrganization,
  TOrganizationCreate,
  TOrganizationFilter,
  TOrganizationQuery,
  TOrganizationUpdate,
} from './directory.schemas.js';
import { organization } from './directory.tables.js';
import {
  countOrganizationReferences,
  countOrganizations,
  findMunicipalityPlace,
  findOrganizationById,
  findOrganizationPlace,
  findOrganizations,
  findOrganizationView,
  type OrganizationListRow,
  organizationsCursorQuery,
} from './organizations.repository.js';

const placeOf = (r: { id: string; municipalityId: string; regionId: string }): DirectoryPlace => ({
  organizationId: r.id,
  municipalityId: r.municipalityId,
  regionId: r.regionId,
});

function toDto(actor: Actor, r: OrganizationListRow): TOrganization {
  return { ...r, canEdit: canEditOrganization(actor, placeOf(r)) };
}

function requireWriter(actorOrNull: Actor | null): Actor {
  const actor = requireActor(actorOrNull);
  if (!mayWriteDirectory(actor)) forbid();
  return actor;
}

const shortNameTaken = (shortName: () => string) => ({
  organization_short_name_muni: () => DirectoryErrors.ORGANIZATION_NAME_TAKEN({ shortName: shortName() }),
});

export async function listOrganizations(ctx: AppContext, actorOrNull: Actor | null, q: TOrganizationQuery) {
  const actor = requireDirectoryReader(actorOrNull);
  const [rows, total] = await Promise.all([
    findOrganizations(ctx.db, q, { limit: q.pageSize, offset: offsetOf(q) }),
    countOrganizations(ctx.db, q),
  ]);
  return { items: rows.map((r) => toDto(actor, r)), total, page: q.page, pageSize: q.pageSize };
}

export async function getOrganization(ctx: AppContext, actorOrNull: Actor | null, id: string) {
  const actor = requireDirectoryReader(actorOrNull);
  const row = await findOrganizationView(ctx.db, id);
  if (!row) throw DirectoryErrors.ORGANIZATION_NOT_FOUND();
  return toDto(actor, row);
}

async function municipalityPlaceOrFail(ctx: AppContext, municipalityId: string): Promise<DirectoryPlace> {
  const place = await findMunicipalityPlace(ctx.db, municipalityId);
  if (!place) throw DirectoryErrors.UNKNOWN_MUNICIPALITY({}, { field: 'municipalityId' });
  return place;
}

function normalize(input: TOrganizationUpdate) {
  return {
    kind: input.kind,
    shortName: input.shortName,
    fullName: input.fullName,
    address: blankToNull(input.address),
    inn: blankToNull(input.inn),
    email: blankToNull(input.email),
    phone: blankToNull(input.phone),
    municipalityId: input.municipalityId,
  };
}

export async function createOrganization(
  ctx: AppContext,
  actorOrNull: Actor | null,
  input: TOrganizationCreate,
): Promise<TOrganization> {
  const actor = requireWriter(actorOrNull);
  const place = await municipalityPlaceOrFail(ctx, input.municipalityId);
  if (!canManageOrganizationsIn(actor, place)) forbid();
  const v = normalize(input);
  const id = await withUniqueGuard(
    () =>
      ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(organization)
          .values({
            kind: input.kind,
            shortName: input.shortName,
            fullName: input.fullName,
            address: v.address ?? null,
            inn: v.inn ?? null,
            email: v.email ?? null,
            phone: v.phone ?? null,
            municipalityId: input.municipalityId,
          })
          .returning();
        await audit(tx, actor, 'create', 'organization', row.id, null, auditable(row));
        return row.id;
      }),
    shortNameTaken(() => input.shortName),
  );
  return toDto(actor, (await findOrganizationView(ctx.db, id))!);
}

export async function updateOrganization(
  ctx: AppContext,
  actorOrNull: Actor | null,
  id: string,
  input: TOrganizationUpdate,
): Promise<TOrganization> {
  const actor = requireWriter(actorOrNull);
  const place = await findOrganizationPlace(ctx.db, id);
  if (!place) throw DirectoryErrors.ORGANIZATION_NOT_FOUND();
  if (!canEditOrganization(actor, place)) forbid();
  if (input.municipalityId && input.municipalityId !== place.municipalityId) {
    // Moving an organisation to another municipality: the actor must manage organisations in both.
    const target = await municipalityPlaceOrFail(ctx, input.municipalityId);
    if (!canManageOrganizationsIn(actor, place) || !canManageOrganizationsIn(actor, target)) forbid();
  }
  let shortName = input.shortName ?? '';
  await withUniqueGuard(
    () =>
      ctx.db.transaction(async (tx) => {
        const before = await findOrganizationById(tx, id, true);
        if (!before) throw DirectoryErrors.ORGANIZATION_NOT_FOUND();
        shortName = input.shortName ?? before.shortName;
        const changes = changedFields(before, normalize(input));
        if (Object.keys(changes).length === 0) return;
        const [after] = await tx
          .update(organization)
          .set({ ...changes, updatedAt: new Date() })
          .where(eq(organization.id, id))
          .returning();
        await audit(tx, actor, 'update', 'organization', id, auditable(before), auditable(after));
      }),
    shortNameTaken(() => shortName),
  );
  return toDto(actor, (await findOrganizationView(ctx.db, id))!);
}

export async function deleteOrganization(ctx: AppContext, actorOrNull: Actor | null, id: string) {
  const actor = requireWriter(actorOrNull);
  const place = await findOrganizationPlace(ctx.db, id);
  if (!place) throw DirectoryErrors.ORGANIZATION_NOT_FOUND();
  if (!canManageOrganizationsIn(actor, place)) forbid();
  try {
    await ctx.db.transaction(async (tx) => {
      const before = await findOrganizationById(tx, id, true);
      if (!before) throw DirectoryErrors.ORGANIZATION_NOT_FOUND();
      const refs = await countOrganizationReferences(tx, id);
      if (refs.people > 0 || refs.employments > 0) throw CommonErrors.IN_USE({}, refs);
      await tx.delete(organization).where(eq(organization.id, id));
      await audit(tx, actor, 'delete', 'organization', id, auditable(before), null);
    });
  } catch (err) {
    // Records of other modules that point at the organisation (foreign keys) refuse the delete too.
    if (pgErrorOf(err)?.code === '23503') throw CommonErrors.IN_USE();
    throw err;
  }
  return { ok: true as const };
}

// ---------- export ----------

const EXPORT_COLUMNS: XlsxColumn<OrganizationListRow>[] = [
  { header: 'Краткое наименование', width: 36, value: (r) => r.shortName },
  { header: 'Полное наименование', width: 60, value: (r) => r.fullName },
  { header: 'Тип', width: 40, value: (r) => ORGANIZATION_KIND_LABELS[r.kind] ?? r.kind },
  { header: 'Муниципалитет', width: 28, value: (r) => r.municipalityName },
  { header: 'Регион', width: 24, value: (r) => r.regionName },
  { header: 'Адрес', width: 40, value: (r) => r.address },
  { header: 'ИНН', width: 14, value: (r) => r.inn },
  { header: 'Электронная почта', width: 28, value: (r) => r.email },
  { header: 'Телефон', width: 18, value: (r) => r.phone },
  { header: 'Работающих педагогов', width: 12, value: (r) => r.peopleCount, format: 'integer' },
];

/** The whole filtered list as XLSX, fetched EXPORT_CHUNK rows at a time from a cursor in one read-only snapshot. */
export function exportOrganizations(
  ctx: AppContext,
  actorOrNull: Actor | null,
  f: TOrganizationFilter,
): XlsxDocument {
  requireDirectoryReader(actorOrNull);
  return {
    fileName: datedFileName('organizations'),
    write: (sink: Writable) =>
      writeXlsx(sink, {
        name: 'Организации',
        columns: EXPORT_COLUMNS,
        rows: cursorRows<OrganizationListRow>(ctx.db, organizationsCursorQuery(ctx.db, f), EXPORT_CHUNK),
      }),
  };
}

// Organisation rows: validation, matching by short name within the municipality, access, batch writes with audit.
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/db.js';
import type { ImportError } from '../../platform/platform.tables.js';
import { type OrganizationKind, organization } from '../directory/index.js';
import { headerOf, ORGANIZATION_COLUMNS, type OrganizationField } from './imports.columns.js';
import { canImportAt } from './imports.policy.js';
import type { Decision, HandlerDeps, KindHandler, PlanItem } from './imports.processor.js';
import {
  type AuditRow,
  findOrganizationsByIds,
  insertAuditEntries,
  loadMunicipalityRefs,
  loadOrganizationRefs,
  type MuniRef,
  type OrganizationRow,
} from './imports.repository.js';
import {
  cellText,
  looseKey,
  type Parsed,
  parseEmail,
  parseInn,
  parseKind,
  parsePhone,
  tidy,
} from './imports.values.js';

type OrganizationInsert = typeof organization.$inferInsert;

export type OrganizationItem = {
  row: number;
  shortName: string;
  fullName?: string;
  kind?: OrganizationKind;
  address?: string;
  inn?: string;
  email?: string;
  phone?: string;
  muni: MuniRef;
};

type OrganizationPlan = PlanItem & { values: OrganizationInsert; existing?: OrganizationRow };

const COMPARED = ['shortName', 'fullName', 'kind', 'address', 'inn', 'email', 'phone'] as const;
const col = (k: OrganizationField) => headerOf(ORGANIZATION_COLUMNS, k);

const text =
  (what: string, max: number) =>
  (v: unknown): Parsed<string> => {
    const s = tidy(cellText(v));
    return s.length > max
      ? { ok: false, message: `${what}: длиннее ${max} символов` }
      : { ok: true, value: s };
  };

export async function createOrganizationsHandler(
  deps: HandlerDeps,
): Promise<KindHandler<OrganizationItem, OrganizationPlan>> {
  const { ctx, actor, auditBy } = deps;
  const [munis, orgs] = await Promise.all([loadMunicipalityRefs(ctx.db), loadOrganizationRefs(ctx.db)]);
  const munisByKey = new Map<string, MuniRef[]>();
  for (const m of munis) {
    const k = looseKey(m.name);
    munisByKey.set(k, [...(munisByKey.get(k) ?? []), m]);
  }
  const regionKeys = new Set(munis.map((m) => looseKey(m.regionName)));
  const orgKey = (municipalityId: string, shortName: string) => `${municipalityId}|${looseKey(shortName)}`;
  const orgIdByKey = new Map(orgs.map((o) => [orgKey(o.municipalityId, o.shortName), o.id]));
  const seen = new Map<string, number>();

  function prepare(
    row: number,
    values: Map<string, unknown>,
  ): { item: OrganizationItem } | { errors: ImportError[] } {
    const errors: ImportError[] = [];
    const field = <T>(k: OrganizationField, parse: (v: unknown) => Parsed<T>): T | undefined => {
      const v = values.get(k);
      if (v === undefined) return undefined;
      const r = parse(v);
      if (!r.ok) {
        errors.push({ row, column: col(k), message: r.message });
        return undefined;
      }
      return r.value;
    };
    const shortName = field('shortName', text('Краткое наименование', 300));
    if (!values.has('shortName'))
      errors.push({ row, column: col('shortName'), message: 'Не указано краткое наименование' });

    let muni: MuniRef | undefined;
    const muniCell = values.get('municipality');
    const regionCell = values.get('region');
    if (regionCell !== undefined && !regionKeys.has(looseKey(cellText(regionCell)))) {
      errors.push({
        row,
        column: col('region'),
        message: `Регион «${cellText(regionCell)}» не найден в справочнике`,
      });
    } else if (muniCell === undefined) {
      errors.push({ row, column: col('municipality'), message: 'Не указан муниципалитет' });
    } else {
      const name = cellText(muniCell);
      let found = munisByKey.get(looseKey(name)) ?? [];
      if (regionCell !== undefined)
        found = found.filter((m) => looseKey(m.regionName) === looseKey(cellText(regionCell)));
      if (found.length > 1) {
        const mine = found.filter((m) =>
          canImportAt(actor, 'organizations', { regionId: m.regionId, municipalityId: m.id }),
        );
        if (mine.length) found = mine;
      }
      if (!found.length)
        errors.push({
          row,
          column: col('municipality'),
          message: `Муниципалитет «${name}» не найден в справочнике${
            regionCell !== undefined ? ` региона «${cellText(regionCell)}»` : ''
          } (муниципалитеты добавляет администратор)`,
        });
      else if (found.length > 1)
        errors.push({
          row,
          column: col('municipality'),
          message: `Муниципалитетов «${name}» несколько (в разных регионах) — заполните столбец «Регион»`,
        });
      else muni = found[0];
    }
    const item = {
      row,
      shortName: shortName ?? '',
      fullName: field('fullName', text('Полное наименование', 1000)),
      kind: field('kind', parseKind),
      address: field('address', text('Адрес', 500)),
      inn: field('inn', parseInn),
      email: field('email', parseEmail),
      phone: field('phone', parsePhone),
      muni: muni!,
    };
    return errors.length ? { errors } : { item };
  }

  async function decide(items: OrganizationItem[]): Promise<Decision<OrganizationPlan>> {
    const out: Decision<OrganizationPlan> = { plan: [], unchanged: [], errors: [] };
    const ids = items.flatMap((i) => {
      const id = orgIdByKey.get(orgKey(i.muni.id, i.shortName));
      return id ? [id] : [];
    });
    const existingById = new Map((await findOrganizationsByIds(ctx.db, ids)).map((o) => [o.id, o]));
    for (const item of items) {
      const err = (column: OrganizationField, message: string) =>
        out.errors.push({ row: item.row, column: col(column), message });
      const key = orgKey(item.muni.id, item.shortName);
      if (seen.has(key)) {
        err('shortName', `Организация «${item.shortName}» уже встречалась в строке ${seen.get(key)}`);
        continue;
      }
      const id = orgIdByKey.get(key);
      const existing = id ? existingById.get(id) : undefined;
      const place = {
        regionId: item.muni.regionId,
        municipalityId: item.muni.id,
        organizationId: existing?.id,
      };
      if (!canImportAt(actor, 'organizations', place)) {
        if (existing) err('shortName', `Нет прав на организацию «${existing.shortName}»`);
        else err('municipality', `Нет прав на муниципалитет «${item.muni.name}»`);
        continue;
      }
      if (existing) {
        const changes = {} as OrganizationInsert;
        for (const k of COMPARED) {
          const v = item[k];
          if (v !== undefined && (existing[k] ?? null) !== v) (changes as Record<string, unknown>)[k] = v;
        }
        if (Object.keys(changes).length === 0) out.unchanged.push(item.row);
        else out.plan.push({ row: item.row, action: 'update', values: changes, existing });
      } else {
        if (!item.fullName || !item.kind) {
          if (!item.fullName) err('fullName', 'Не указано полное наименование (нужно для новой организации)');
          if (!item.kind) err('kind', 'Не указан тип (нужен для новой организации)');
          continue;
        }
        out.plan.push({
          row: item.row,
          action: 'create',
          values: {
            municipalityId: item.muni.id,
            shortName: item.shortName,
            fullName: item.fullName,
            kind: item.kind,
            address: item.address ?? null,
            inn: item.inn ?? null,
            email: item.email ?? null,
            phone: item.phone ?? null,
          },
        });
      }
      seen.set(key, item.row);
    }
    return out;
  }

  async function write(tx: Tx, plan: OrganizationPlan[]): Promise<void> {
    const audits: AuditRow[] = [];
    const creates = plan.filter((p) => p.action === 'create');
    if (creates.length) {
      const inserted = await tx
        .insert(organization)
        .values(creates.map((c) => c.values))
        .returning();
      for (const o of inserted) {
        orgIdByKey.set(orgKey(o.municipalityId, o.shortName), o.id);
        audits.push({ action: 'create', entity: 'organization', entityId: o.id, before: null, after: o });
      }
    }
    for (const u of plan) {
      if (u.action !== 'update' || !u.existing) continue;
      const [after] = await tx
        .update(organization)
        .set({ ...u.values, updatedAt: new Date() })
        .where(eq(organization.id, u.existing.id))
        .returning();
      audits.push({
        action: 'update',
        entity: 'organization',
        entityId: after.id,
        before: u.existing,
        after,
      });
    }
    await insertAuditEntries(tx, auditBy, audits);
  }

  return { prepare, decide, write };
}

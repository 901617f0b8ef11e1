// Catalogues for forms and filters, from src/shared/reference.json: positions, subjects, kinds, categories.
import reference from '../../../shared/reference.json' with { type: 'json' };
import type { Actor } from '../../platform/actor.js';
import { requireDirectoryReader } from './directory.common.js';
import type { TCatalogs } from './directory.schemas.js';
import {
  ORGANIZATION_KINDS,
  type OrganizationKind,
  QUALIFICATION_CATEGORIES,
  type QualificationCategory,
} from './directory.tables.js';

const ref = reference as unknown as {
  positions: { items: string[] };
  subjects: { items: string[] };
  organizationKinds: Record<string, string>;
  qualificationCategories: Record<string, string>;
};

/** The explanation in brackets stays in the reference; a label is the name itself. */
const shortLabel = (text: string) => text.replace(/\s*\(.*\)\s*$/, '');

export const ORGANIZATION_KIND_LABELS = Object.fromEntries(
  ORGANIZATION_KINDS.map((code) => [code, ref.organizationKinds[code] ?? code]),
) as Record<OrganizationKind, string>;

export const QUALIFICATION_CATEGORY_LABELS = Object.fromEntries(
  QUALIFICATION_CATEGORIES.map((code) => [
    code,
    code === 'none' ? 'без категории' : shortLabel(ref.qualificationCategories[code] ?? code),
  ]),
) as Record<QualificationCategory, string>;

const CATALOGS: TCatalogs = {
  positions: [...ref.positions.items],
  subjects: [...ref.subjects.items],
  organizationKinds: ORGANIZATION_KINDS.map((code) => ({ code, label: ORGANIZATION_KIND_LABELS[code] })),
  qualificationCategories: QUALIFICATION_CATEGORIES.map((code) => ({
    code,
    label: QUALIFICATION_CATEGORY_LABELS[code],
  })),
};

export function getCatalogs(actor: Actor | null): TCatalogs {
  requireDirectoryReader(actor);
  return CATALOGS;
}

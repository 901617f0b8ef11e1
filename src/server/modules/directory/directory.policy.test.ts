import { describe, expect, it } from 'vitest';
import type { Actor, RoleGrant } from '../../platform/actor.js';
import {
  canEditOrganization,
  canManageGeography,
  canManageOrganizationsIn,
  canManagePeopleAt,
  canReadDirectory,
  canSeePrivateFields,
  mayExportPrivateFields,
  NOWHERE,
} from './directory.policy.js';

const actor = (roles: RoleGrant[], personId: string | null = null): Actor => ({
  userId: 'u',
  email: 'u@example.ru',
  name: 'U',
  personId,
  roles,
});
const A1 = { organizationId: 'org-a1', municipalityId: 'muni-a', regionId: 'reg' };
const B1 = { organizationId: 'org-b1', municipalityId: 'muni-b', regionId: 'reg' };
const admin = actor([{ role: 'admin', scopeType: 'global', scopeId: null }]);
const methA = actor([{ role: 'methodologist', scopeType: 'municipality', scopeId: 'muni-a' }]);
const methA1 = actor([{ role: 'methodologist', scopeType: 'organization', scopeId: 'org-a1' }]);
const methReg = actor([{ role: 'methodologist', scopeType: 'region', scopeId: 'reg' }]);
const headA1 = actor([{ role: 'organization_head', scopeType: 'organization', scopeId: 'org-a1' }]);
const teacher = actor([{ role: 'teacher', scopeType: 'global', scopeId: null }], 'me');
const nobody = actor([]);

describe('X-1 directory policy', () => {
  it('X-1 any role reads the directory; no role does not', () => {
    expect(canReadDirectory(teacher)).toBe(true);
    expect(canReadDirectory(nobody)).toBe(false);
  });

  it('X-1 regions and municipalities are changed by admins only', () => {
    expect(canManageGeography(admin)).toBe(true);
    for (const a of [methA, methReg, headA1, teacher]) expect(canManageGeography(a)).toBe(false);
  });

  it('X-1 people are managed by admin, scoped methodologists and the head of their organisation', () => {
    for (const a of [admin, methA, methA1, methReg, headA1]) expect(canManagePeopleAt(a, A1)).toBe(true);
    for (const a of [methA, methA1, headA1, teacher]) expect(canManagePeopleAt(a, B1)).toBe(false);
    expect(canManagePeopleAt(methReg, B1)).toBe(true);
    expect(canManagePeopleAt(admin, NOWHERE)).toBe(true);
    expect(canManagePeopleAt(methA, NOWHERE)).toBe(false);
  });

  it('X-1 organisations: created and deleted by admin and area methodologists; edited also by the head', () => {
    expect(canManageOrganizationsIn(methA, A1)).toBe(true);
    expect(canManageOrganizationsIn(methReg, B1)).toBe(true);
    expect(canManageOrganizationsIn(methA1, A1)).toBe(false);
    expect(canManageOrganizationsIn(headA1, A1)).toBe(false);
    expect(canEditOrganization(headA1, A1)).toBe(true);
    expect(canEditOrganization(methA1, A1)).toBe(true);
    expect(canEditOrganization(headA1, B1)).toBe(false);
    expect(canEditOrganization(teacher, A1)).toBe(false);
  });

  it('X-1 private fields: managers in scope and the person themself', () => {
    expect(canSeePrivateFields(teacher, 'me', B1)).toBe(true);
    expect(canSeePrivateFields(teacher, 'someone', B1)).toBe(false);
    expect(canSeePrivateFields(methA, 'someone', A1)).toBe(true);
    expect(canSeePrivateFields(methA, 'someone', B1)).toBe(false);
    expect(mayExportPrivateFields(teacher)).toBe(false);
    expect(mayExportPrivateFields(headA1)).toBe(true);
  });
});

// Factories: each test builds its own rows. buildX(t, overrides) returns the created record.
import { randomUUID } from 'node:crypto';
import {
  municipality,
  organization,
  person,
  region,
} from '../../src/server/modules/directory/directory.tables.js';
import type { Role, ScopeType } from '../../src/server/modules/identity/identity.tables.js';
import { createUserWithGrants } from '../../src/server/modules/identity/users.service.js';
import type { TestApp } from './test-app.js';

const uniq = () => randomUUID().slice(0, 8);

export async function buildRegion(t: TestApp, o: Partial<typeof region.$inferInsert> = {}) {
  const [r] = await t.ctx.db
    .insert(region)
    .values({ name: `Регион ${uniq()}`, ...o })
    .returning();
  return r;
}

export async function buildMunicipality(t: TestApp, o: Partial<typeof municipality.$inferInsert> = {}) {
  const regionId = o.regionId ?? (await buildRegion(t)).id;
  const [m] = await t.ctx.db
    .insert(municipality)
    .values({ name: `Муниципалитет ${uniq()}`, ...o, regionId })
    .returning();
  return m;
}

export async function buildOrganization(t: TestApp, o: Partial<typeof organization.$inferInsert> = {}) {
  const municipalityId = o.municipalityId ?? (await buildMunicipality(t)).id;
  const n = uniq();
  const [org] = await t.ctx.db
    .insert(organization)
    .values({
      kind: 'school',
      shortName: `МБОУ СОШ ${n}`,
      fullName: `Муниципальное бюджетное общеобразовательное учреждение ${n}`,
      ...o,
      municipalityId,
    })
    .returning();
  return org;
}

export async function buildPerson(t: TestApp, o: Partial<typeof person.$inferInsert> = {}) {
  const organizationId = o.organizationId === undefined ? (await buildOrganization(t)).id : o.organizationId;
  const [p] = await t.ctx.db
    .insert(person)
    .values({
      surname: 'Иванова',
      name: 'Мария',
      patronymic: 'Петровна',
      email: `p-${uniq()}@example.ru`,
      position: 'учитель',
      ...o,
      organizationId,
    })
    .returning();
  return p;
}

export const TEST_PASSWORD = 'correct-horse-42';

/** A user with one grant, signed in; returns the cookie to send. */
export async function signInAs(
  t: TestApp,
  role: Role,
  scope: { scopeType?: ScopeType; scopeId?: string | null } = {},
  o: { email?: string; personId?: string | null; name?: string } = {},
) {
  const email = o.email ?? `${role}-${uniq()}@example.ru`;
  const userId = await createUserWithGrants(t.ctx, null, {
    email,
    name: o.name ?? `Тест ${role}`,
    password: TEST_PASSWORD,
    personId: o.personId ?? null,
    grants: [{ role, scopeType: scope.scopeType ?? 'global', scopeId: scope.scopeId ?? null }],
  });
  const cookie = await signIn(t, email, TEST_PASSWORD);
  return { userId, email, cookie };
}

export async function signIn(t: TestApp, email: string, password: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email, password },
    headers: { 'x-forwarded-for': `10.${rnd()}.${rnd()}.${rnd()}` },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const set = res.headers['set-cookie'];
  const list = Array.isArray(set) ? set : [String(set)];
  return list.map((c) => c.split(';')[0]).join('; ');
}

const rnd = () => Math.floor(Math.random() * 250) + 1;

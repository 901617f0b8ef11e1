// Queries about accounts, their role grants and invitations. Reads the directory's region, municipality and
// organisation tables (read-only, through the directory module's index) to name and place scopes.
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/db.js';
import type { Place, RoleGrant } from '../../platform/actor.js';
import { municipality, organization, person, region } from '../directory/index.js';
import { invitation, type Role, roleAssignment, type ScopeType, session, user } from './identity.tables.js';

export async function findGrants(db: DbOrTx, userId: string): Promise<RoleGrant[]> {
  const grants = await db
    .select({
      role: roleAssignment.role,
      scopeType: roleAssignment.scopeType,
      scopeId: roleAssignment.scopeId,
    })
    .from(roleAssignment)
    .where(eq(roleAssignment.userId, userId));
  return grants as RoleGrant[];
}

export async function findUserWithGrants(db: DbOrTx, userId: string) {
  const [u] = await db.select().from(user).where(eq(user.id, userId)).limit(1);
  if (!u) return null;
  return { user: u, grants: await findGrants(db, userId) };
}

export type UserRow = typeof user.$inferSelect;

export async function findUser(db: DbOrTx, id: string): Promise<UserRow | null> {
  const [u] = await db.select().from(user).where(eq(user.id, id)).limit(1);
  return u ?? null;
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | null> {
  const [u] = await db.select().from(user).where(eq(user.email, email.toLowerCase())).limit(1);
  return u ?? null;
}

export async function findUserByPerson(db: DbOrTx, personId: string): Promise<UserRow | null> {
  const [u] = await db.select().from(user).where(eq(user.personId, personId)).limit(1);
  return u ?? null;
}

export async function personExists(db: DbOrTx, personId: string): Promise<boolean> {
  const [p] = await db.select({ id: person.id }).from(person).where(eq(person.id, personId)).limit(1);
  return !!p;
}

/**
 * Where a grant's scope sits, with its parents (an organisation → its municipality → its region), so that
 * scoped grants can be compared with grantCovers(). Null when the region/municipality/organisation is missing.
 * Communities and events have no tables yet: their place is just their id.
 */
export async function placeOfScope(
  db: DbOrTx,
  scopeType: ScopeType,
  scopeId: string | null | undefined,
): Promise<Place | null> {
  switch (scopeType) {
    case 'global':
      return {};
    case 'region': {
      if (!scopeId) return null;
      const [r] = await db.select({ id: region.id }).from(region).where(eq(region.id, scopeId));
      return r ? { regionId: r.id } : null;
    }
    case 'municipality': {
      if (!scopeId) return null;
      const [m] = await db
        .select({ id: municipality.id, regionId: municipality.regionId })
        .from(municipality)
        .where(eq(municipality.id, scopeId));
      return m ? { municipalityId: m.id, regionId: m.regionId } : null;
    }
    case 'organization': {
      if (!scopeId) return null;
      const [o] = await db
        .select({
          id: organization.id,
          municipalityId: organization.municipalityId,
          regionId: municipality.regionId,
        })
        .from(organization)
        .innerJoin(municipality, eq(municipality.id, organization.municipalityId))
        .where(eq(organization.id, scopeId));
      return o ? { organizationId: o.id, municipalityId: o.municipalityId, regionId: o.regionId } : null;
    }
    case 'community':
      return scopeId ? { communityId: scopeId } : null;
    case 'event':
      return scopeId ? { eventId: scopeId } : null;
  }
}

/** SQL over `ra` (a role_assignment row): the grant lies within the scope of `g`. */
function withinScopeOf(g: RoleGrant): SQL {
  const id = g.scopeId;
  switch (g.scopeType) {
    case 'global':
      return sql`true`;
    case 'region':
      return sql`((ra.scope_type = 'region' and ra.scope_id = ${id})
        or (ra.scope_type = 'municipality' and ra.scope_id in
          (select m.id from ${municipality} m where m.region_id = ${id}))
        or (ra.scope_type = 'organization' and ra.scope_id in
          (select o.id from ${organization} o join ${municipality} m on m.id = o.municipality_id
           where m.region_id = ${id})))`;
    case 'municipality':
      return sql`((ra.scope_type = 'municipality' and ra.scope_id = ${id})
        or (ra.scope_type = 'organization' and ra.scope_id in
          (select o.id from ${organization} o where o.municipality_id = ${id})))`;
    default:
      return sql`(ra.scope_type = ${g.scopeType} and ra.scope_id = ${id})`;
  }
}

/** SQL over the outer "user" row: the user holds at least one grant within one of `scopes`. */
function hasGrantWithin(scopes: RoleGrant[]): SQL {
  if (!scopes.length) return sql`false`;
  const any = sql.join(
    scopes.map((g) => withinScopeOf(g)),
    sql` or `,
  );
  return sql`exists (select 1 from ${roleAssignment} ra where ra.user_id = "user"."id" and (${any}))`;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type UserListFilter = {
  q?: string;
  role?: Role;
  /** only users with a grant inside one of these scopes; null = everybody */
  within: RoleGrant[] | null;
  ids?: string[];
  sort: 'name' | 'email' | 'createdAt';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
};

export async function listUsers(db: DbOrTx, f: UserListFilter) {
  const where: SQL[] = [];
  if (f.q) {
    const p = `%${escapeLike(f.q)}%`;
    where.push(or(ilike(user.name, p), ilike(user.email, p))!);
  }
  if (f.role)
    where.push(
      sql`exists (select 1 from ${roleAssignment} ra where ra.user_id = "user"."id" and ra.role = ${f.role})`,
    );
  if (f.within) where.push(hasGrantWithin(f.within));
  if (f.ids) where.push(inArray(user.id, f.ids));
  const cond = where.length ? and(...where) : undefined;
  const dir = f.order === 'desc' ? desc : asc;
  const sortCol =
    f.sort === 'email'
      ? dir(user.email)
      : f.sort === 'createdAt'
        ? dir(user.createdAt)
        : f.order === 'desc'
          ? sql`${user.name} collate ru_icu desc`
          : sql`${user.name} collate ru_icu asc`;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: user.id,
        email: user.email,
        name: user.name,
        personId: user.personId,
        disabled: user.disabled,
        createdAt: user.createdAt,
        invitationPending: sql<boolean>`exists (select 1 from ${invitation} i
          where i.user_id = "user"."id" and i.accepted_at is null)`,
      })
      .from(user)
      .where(cond)
      .orderBy(sortCol, asc(user.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ total: count() }).from(user).where(cond),
  ]);
  return { rows, total };
}

export type UserRoleRow = {
  id: string;
  userId: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
  scopeName: string | null;
};

/** The grants of these users with readable scope names, grouped by user. */
export async function grantsOfUsers(db: DbOrTx, userIds: string[]): Promise<Map<string, UserRoleRow[]>> {
  const out = new Map<string, UserRoleRow[]>();
  if (!userIds.length) return out;
  const rows = await db
    .select({
      id: roleAssignment.id,
      userId: roleAssignment.userId,
      role: roleAssignment.role,
      scopeType: roleAssignment.scopeType,
      scopeId: roleAssignment.scopeId,
      scopeName: sql<
        string | null
      >`coalesce(${organization.shortName}, ${municipality.name}, ${region.name})`,
    })
    .from(roleAssignment)
    .leftJoin(
      organization,
      and(eq(roleAssignment.scopeType, 'organization'), eq(organization.id, roleAssignment.scopeId)),
    )
    .leftJoin(
      municipality,
      and(eq(roleAssignment.scopeType, 'municipality'), eq(municipality.id, roleAssignment.scopeId)),
    )
    .leftJoin(region, and(eq(roleAssignment.scopeType, 'region'), eq(region.id, roleAssignment.scopeId)))
    .where(inArray(roleAssignment.userId, userIds))
    .orderBy(asc(roleAssignment.createdAt), asc(roleAssignment.id));
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push(r as UserRoleRow);
    out.set(r.userId, list);
  }
  return out;
}

export async function replaceGrants(
  db: DbOrTx,
  userId: string,
  grants: { role: Role; scopeType: ScopeType; scopeId: string | null }[],
): Promise<void> {
  await db.delete(roleAssignment).where(eq(roleAssignment.userId, userId));
  if (grants.length)
    await db
      .insert(roleAssignment)
      .values(grants.map((g) => ({ userId, ...g })))
      .onConflictDoNothing();
}

export async function updateUserRow(
  db: DbOrTx,
  id: string,
  patch: { name?: string; disabled?: boolean; personId?: string | null },
): Promise<void> {
  await db
    .update(user)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(user.id, id));
}

/** Signs the user out everywhere. */
export async function deleteSessionsOf(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(session).where(eq(session.userId, userId));
}

export async function insertInvitation(
  db: DbOrTx,
  i: { email: string; userId: string; invitedBy: string | null },
): Promise<string> {
  const [row] = await db.insert(invitation).values(i).returning({ id: invitation.id });
  return row.id;
}

export async function findPendingInvitation(db: DbOrTx, userId: string) {
  const [row] = await db
    .select()
    .from(invitation)
    .where(and(eq(invitation.userId, userId), isNull(invitation.acceptedAt)))
    .limit(1);
  return row ?? null;
}

/** Marks the user's open invitations accepted; returns the ids that changed. */
export async function markInvitationsAccepted(
  db: DbOrTx,
  userId: string,
  at = new Date(),
): Promise<string[]> {
  const rows = await db
    .update(invitation)
    .set({ acceptedAt: at })
    .where(and(eq(invitation.userId, userId), isNull(invitation.acceptedAt)))
    .returning({ id: invitation.id });
  return rows.map((r) => r.id);
}

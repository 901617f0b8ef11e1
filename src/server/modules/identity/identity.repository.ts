// Queries about accounts and their role grants.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/db.js';
import type { RoleGrant } from '../../platform/actor.js';
import { roleAssignment, user } from './identity.tables.js';

export async function findUserWithGrants(db: DbOrTx, userId: string) {
  const [u] = await db.select().from(user).where(eq(user.id, userId)).limit(1);
  if (!u) return null;
  const grants = await db
    .select({
      role: roleAssignment.role,
      scopeType: roleAssignment.scopeType,
      scopeId: roleAssignment.scopeId,
    })
    .from(roleAssignment)
    .where(eq(roleAssignment.userId, userId));
  return { user: u, grants: grants as RoleGrant[] };
}

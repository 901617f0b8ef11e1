// Resolves the session cookie of a request into an Actor with role grants.
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { findGrants } from './identity.repository.js';

export async function resolveActor(ctx: AppContext, raw: IncomingHttpHeaders): Promise<Actor | null> {
  if (!raw.cookie && !raw.authorization) return null;
  const headers = new Headers();
  if (raw.cookie) headers.set('cookie', String(raw.cookie));
  if (raw.authorization) headers.set('authorization', String(raw.authorization));
  // better-auth reads the session and its user (with our fields personId, disabled) from the database.
  const s = await ctx.auth.api.getSession({ headers }).catch(() => null);
  if (!s) return null;
  const u = s.user as typeof s.user & { personId?: string | null; disabled?: boolean };
  if (u.disabled) return null;
  return {
    userId: u.id,
    email: u.email,
    name: u.name,
    personId: u.personId ?? null,
    roles: await findGrants(ctx.db, u.id),
  };
}

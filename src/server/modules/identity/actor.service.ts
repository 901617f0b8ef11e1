// Resolves the session cookie of a request into an Actor with role grants.
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { findUserWithGrants } from './identity.repository.js';

export async function resolveActor(ctx: AppContext, raw: IncomingHttpHeaders): Promise<Actor | null> {
  if (!raw.cookie && !raw.authorization) return null;
  const headers = new Headers();
  if (raw.cookie) headers.set('cookie', String(raw.cookie));
  if (raw.authorization) headers.set('authorization', String(raw.authorization));
  const s = await ctx.auth.api.getSession({ headers }).catch(() => null);
  if (!s) return null;
  const found = await findUserWithGrants(ctx.db, s.user.id);
  if (!found || found.user.disabled) return null;
  return {
    userId: found.user.id,
    email: found.user.email,
    name: found.user.name,
    personId: found.user.personId,
    roles: found.grants,
  };
}

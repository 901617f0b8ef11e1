// Who may look at outgoing mail: the outbox holds links that let the holder set a password, so admins only.
import { type Actor, isAdmin } from '../../platform/actor.js';

export function canReadOutbox(actor: Actor): boolean {
  return isAdmin(actor);
}

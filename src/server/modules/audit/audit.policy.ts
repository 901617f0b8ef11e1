// Who may read the audit log: administrators only.
import { type Actor, isAdmin } from '../../platform/actor.js';

export function canReadAuditLog(actor: Actor): boolean {
  return isAdmin(actor);
}

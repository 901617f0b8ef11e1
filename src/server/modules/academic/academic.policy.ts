// Who may see the academic years: any signed-in user holding at least one role.
import type { Actor } from '../../platform/actor.js';

export function canReadAcademicYears(actor: Actor): boolean {
  return actor.roles.length > 0;
}

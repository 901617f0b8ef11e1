// Who manages an event's schedule: an admin, or a methodologist whose scope covers the host organisation.
import { type Actor, holdsRoleAt, type Place } from '../../../platform/actor.js';

export function canManageSchedule(actor: Actor | null, hostPlace: Place): boolean {
  return !!actor && holdsRoleAt(actor, ['methodologist'], hostPlace);
}

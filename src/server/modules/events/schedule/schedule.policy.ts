// Who manages an event's schedule: an admin, or a methodologist whose scope covers the host organisation.
import type { Actor, Place } from '../../../platform/actor.js';
import { canManageEvent } from '../events.policy.js';

export function canManageSchedule(actor: Actor | null, hostPlace: Place): boolean {
  return canManageEvent(actor, hostPlace);
}

// Who reads and records invited speakers and partners (S3-6). Pure functions over the actor and a place.
import { type Actor, hasAnyRole, holdsRoleAt, isAdmin, type Place } from '../../../platform/actor.js';

/** Staff of the system read the list: everyone signed in except students and guests. */
export function canReadSpeakers(actor: Actor): boolean {
  return hasAnyRole(actor, [
    'admin',
    'methodologist',
    'organization_head',
    'community_leader',
    'mentor',
    'teacher',
  ]);
}

/** Coarse check before any lookup: only admins and methodologists ever record speakers. */
export function mayWriteSpeakers(actor: Actor): boolean {
  return isAdmin(actor) || actor.roles.some((r) => r.role === 'methodologist');
}

/**
 * Admin anywhere; a methodologist whose scope covers where the record sits: the host of the linked event, or else
 * the person's organisation. A person outside every organisation (a veteran, a partner) with no event is
 * recorded by any methodologist: the centre involves outside people, and there is no place to scope by.
 */
export function canWriteSpeakerAt(actor: Actor, place: Place | null): boolean {
  if (!mayWriteSpeakers(actor)) return false;
  if (!place) return true;
  return holdsRoleAt(actor, ['methodologist'], place);
}

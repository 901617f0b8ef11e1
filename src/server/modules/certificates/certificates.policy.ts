// Who may do what with certificates: event managers (admin, or a methodologist whose scope covers the
// event's host organisation) issue, revoke, reissue and download; a holder downloads their own.
import type { Actor, Place } from '../../platform/actor.js';
import { canManageEvent } from '../events/index.js';

export function canManageEventCertificates(actor: Actor, place: Place): boolean {
  return canManageEvent(actor, place);
}

export function canDownloadCertificate(actor: Actor, holderPersonId: string, place: Place): boolean {
  if (actor.personId && actor.personId === holderPersonId) return true;
  return canManageEventCertificates(actor, place);
}

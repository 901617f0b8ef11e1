// Who may see, edit and review an application. Pure functions.
import type { Actor } from '../../../platform/actor.js';
import { headsOrganization } from '../events.policy.js';
import type { ApplicationStatus } from '../events.tables.js';

export type ApplicationAccess = {
  applicantUserId: string | null;
  applicantPersonId: string;
  organizationId: string | null;
  status: ApplicationStatus;
};

export function isApplicant(actor: Actor, a: ApplicationAccess): boolean {
  return a.applicantUserId === actor.userId || (!!actor.personId && actor.personId === a.applicantPersonId);
}

/** The applicant always; drafts nobody else; event managers and the head of the applicant's organisation. */
export function canSeeApplication(actor: Actor, a: ApplicationAccess, managesEvent: boolean): boolean {
  if (isApplicant(actor, a)) return true;
  if (a.status === 'draft') return false;
  return managesEvent || headsOrganization(actor, a.organizationId);
}

export function canEditApplication(actor: Actor, a: ApplicationAccess): boolean {
  return isApplicant(actor, a) && (a.status === 'draft' || a.status === 'changes_requested');
}

/** The comment thread is between the organiser and the applicant; the head reads it. */
export function canCommentApplication(actor: Actor, a: ApplicationAccess, managesEvent: boolean): boolean {
  return isApplicant(actor, a) || (managesEvent && a.status !== 'draft');
}

// Who may do what with an event's feedback, report and materials: managers (admin, or a methodologist whose
// scope covers the host organisation), presenters of the event's activities, participants.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/db.js';
import type { Actor, Place } from '../../../platform/actor.js';
import { CommonErrors } from '../../../platform/errors.js';
import { findOrganizationPlace } from '../../directory/index.js';
import { activity, activityPresenter, event } from '../events.tables.js';

export type EventRow = typeof event.$inferSelect;

/** The event and where it sits (its host organisation's place); 404 when there is no such event. */
export async function loadEventPlace(
  db: DbOrTx,
  eventId: string,
): Promise<{ event: EventRow; place: Place }> {
  const [ev] = await db.select().from(event).where(eq(event.id, eventId)).limit(1);
  if (!ev) throw CommonErrors.NOT_FOUND();
  const host = await findOrganizationPlace(db, ev.hostOrganizationId);
  return { event: ev, place: { ...(host ?? { organizationId: ev.hostOrganizationId }), eventId: ev.id } };
}

export { canManageEvent } from '../events.policy.js';

export async function isEventPresenter(db: DbOrTx, actor: Actor, eventId: string): Promise<boolean> {
  if (!actor.personId) return false;
  const [row] = await db
    .select({ id: activity.id })
    .from(activityPresenter)
    .innerJoin(activity, eq(activity.id, activityPresenter.activityId))
    .where(and(eq(activity.eventId, eventId), eq(activityPresenter.personId, actor.personId)))
    .limit(1);
  return !!row;
}

// Shared pieces of the schedule: loading the event with its place, the manager check, time formatting.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/db.js';
import { type Actor, forbid, type Place, requireActor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { municipality, organization } from '../../directory/index.js';
import { event } from '../events.tables.js';
import { ScheduleErrors } from './schedule.errors.js';
import { canManageSchedule } from './schedule.policy.js';

export type EventRow = typeof event.$inferSelect;

export async function loadEvent(db: DbOrTx, id: string): Promise<{ ev: EventRow; place: Place }> {
  // the event with where its host sits, in one round trip
  const [row] = await db
    .select({ ev: event, municipalityId: organization.municipalityId, regionId: municipality.regionId })
    .from(event)
    .leftJoin(organization, eq(organization.id, event.hostOrganizationId))
    .leftJoin(municipality, eq(municipality.id, organization.municipalityId))
    .where(eq(event.id, id))
    .limit(1);
  if (!row) throw ScheduleErrors.EVENT_NOT_FOUND();
  return {
    ev: row.ev,
    place: {
      organizationId: row.ev.hostOrganizationId,
      municipalityId: row.municipalityId,
      regionId: row.regionId,
      eventId: row.ev.id,
    },
  };
}

/** Signed in and a manager of the event (401 / 404 / 403). */
export async function requireEventManager(ctx: AppContext, actorOrNull: Actor | null, eventId: string) {
  const actor = requireActor(actorOrNull);
  const loaded = await loadEvent(ctx.db, eventId);
  if (!canManageSchedule(actor, loaded.place)) forbid();
  return { actor, ...loaded };
}

export function requirePerson(actor: Actor): string {
  if (!actor.personId) throw ScheduleErrors.NO_PERSON();
  return actor.personId;
}

// times and days on the centre's wall clock (ROST_TIME_ZONE)
export { hhmm, localDay } from '../../../platform/time-zone.js';
/** 'YYYY-MM-DD' → 'dd.MM.yyyy'. */
export const ruDate = (iso: string) => iso.split('-').reverse().join('.');

/** «Иванова М. П.» */
export function shortNameOf(p: { surname: string; name: string; patronymic: string | null }): string {
  const initials = [p.name, p.patronymic]
    .filter((x): x is string => !!x)
    .map((x) => `${x[0]}.`)
    .join(' ');
  return initials ? `${p.surname} ${initials}` : p.surname;
}

export function fullNameOf(p: { surname: string; name: string; patronymic: string | null }): string {
  return [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');
}

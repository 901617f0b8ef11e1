// Academic years (1 September – 31 August): the current one and a range around it for the year switcher.
import { academicYearsAround, currentAcademicYear } from '../../../shared/academic-year.js';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import { canReadAcademicYears } from './academic.policy.js';
import type { TAcademicYears, TAcademicYearsQuery } from './academic.schemas.js';

export function listAcademicYears(
  actorOrNull: Actor | null,
  query: TAcademicYearsQuery,
  now: Date = new Date(),
): TAcademicYears {
  const actor = requireActor(actorOrNull);
  if (!canReadAcademicYears(actor)) forbid();
  return { current: currentAcademicYear(now), items: academicYearsAround(now, query.before, query.after) };
}

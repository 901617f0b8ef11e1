// Reading activities as the programme shows them: room, form, presenters, registration counts, my status.
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/db.js';
import { person } from '../../directory/index.js';
import {
  activity,
  activityForm,
  activityPresenter,
  eventSection,
  registration,
  room,
} from '../events.tables.js';
import { fullNameOf, localDay, shortNameOf } from './schedule.common.js';
import type { TActivity } from './schedule.schemas.js';

export async function findActivityViews(
  db: DbOrTx,
  where: SQL | undefined,
  personId: string | null,
  page?: { limit: number; offset: number },
): Promise<TActivity[]> {
  const q = db
    .select({
      id: activity.id,
      eventId: activity.eventId,
      applicationId: activity.applicationId,
      title: activity.title,
      formTitle: activityForm.title,
      sectionId: activity.sectionId,
      sectionTitle: eventSection.title,
      roomId: activity.roomId,
      roomName: room.name,
      roomCapacity: room.capacity,
      startsAt: activity.startsAt,
      endsAt: activity.endsAt,
      capacity: activity.capacity,
    })
    .from(activity)
    .leftJoin(room, eq(room.id, activity.roomId))
    .leftJoin(activityForm, eq(activityForm.id, activity.formId))
    .leftJoin(eventSection, eq(eventSection.id, activity.sectionId))
    .where(where)
    .orderBy(asc(activity.startsAt), sql`${room.name} collate ru_icu`, asc(activity.id));
  const rows = page ? await q.limit(page.limit).offset(page.offset) : await q;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [presenters, mine, counts] = await Promise.all([
    db
      .select({
        activityId: activityPresenter.activityId,
        personId: person.id,
        surname: person.surname,
        name: person.name,
        patronymic: person.patronymic,
      })
      .from(activityPresenter)
      .innerJoin(person, eq(person.id, activityPresenter.personId))
      .where(inArray(activityPresenter.activityId, ids))
      .orderBy(sql`${person.surname} collate ru_icu`, sql`${person.name} collate ru_icu`),
    personId
      ? db
          .select({ activityId: registration.activityId, status: registration.status })
          .from(registration)
          .where(and(eq(registration.personId, personId), inArray(registration.activityId, ids)))
      : Promise.resolve([]),
    db
      .select({
        activityId: registration.activityId,
        registered: sql<number>`count(*) filter (where ${registration.status} = 'registered')::int`,
        waitlisted: sql<number>`count(*) filter (where ${registration.status} = 'waitlisted')::int`,
      })
      .from(registration)
      .where(inArray(registration.activityId, ids))
      .groupBy(registration.activityId),
  ]);
  const countOf = new Map(counts.map((c) => [c.activityId, c]));
  const byActivity = new Map<string, TActivity['presenters']>();
  for (const p of presenters) {
    const list = byActivity.get(p.activityId) ?? [];
    list.push({ personId: p.personId, fullName: fullNameOf(p), shortName: shortNameOf(p) });
    byActivity.set(p.activityId, list);
  }
  const myStatus = new Map(mine.map((m) => [m.activityId, m.status]));
  return rows.map((r) => {
    const ps = byActivity.get(r.id) ?? [];
    const reg = myStatus.get(r.id);
    const presenting = !!personId && ps.some((p) => p.personId === personId);
    return {
      id: r.id,
      eventId: r.eventId,
      applicationId: r.applicationId,
      title: r.title,
      formTitle: r.formTitle,
      sectionId: r.sectionId,
      sectionTitle: r.sectionTitle,
      roomId: r.roomId,
      roomName: r.roomName,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      day: localDay(r.startsAt),
      capacity: r.capacity ?? r.roomCapacity ?? null,
      presenters: ps,
      registered: countOf.get(r.id)?.registered ?? 0,
      waitlisted: countOf.get(r.id)?.waitlisted ?? 0,
      myStatus: presenting ? 'presenter' : reg === 'registered' || reg === 'waitlisted' ? reg : null,
    };
  });
}

export async function findActivityView(db: DbOrTx, id: string, personId: string | null = null) {
  const [a] = await findActivityViews(db, eq(activity.id, id), personId);
  return a;
}

// X-6 S0-5: every registration of an event (activity, person, organisation, status, attended) as one XLSX sheet —
// the organisers' participant list, read 1,000 rows at a time.
import { and, asc, eq, sql } from 'drizzle-orm';
import { datedFileName, writeXlsx, type XlsxDocument } from '../../../documents/xlsx.js';
import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { organization, person } from '../../directory/index.js';
import { activity, attendance, registration, room } from '../events.tables.js';
import { fullNameOf, hhmm, localDay, requireEventManager, ruDate } from './schedule.common.js';

const STATUS_RU = {
  registered: 'Записан',
  waitlisted: 'Лист ожидания',
  cancelled: 'Отменил запись',
} as const;
const PAGE = 1000;

type Row = Awaited<ReturnType<typeof page>>[number];

function page(ctx: AppContext, eventId: string, offset: number) {
  return ctx.db
    .select({
      startsAt: activity.startsAt,
      endsAt: activity.endsAt,
      title: activity.title,
      roomName: room.name,
      surname: person.surname,
      name: person.name,
      patronymic: person.patronymic,
      email: person.email,
      organizationName: organization.shortName,
      status: registration.status,
      registeredAt: registration.createdAt,
      attended: sql<boolean>`${attendance.personId} is not null`,
    })
    .from(registration)
    .innerJoin(activity, eq(activity.id, registration.activityId))
    .innerJoin(person, eq(person.id, registration.personId))
    .leftJoin(room, eq(room.id, activity.roomId))
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .leftJoin(
      attendance,
      and(eq(attendance.activityId, registration.activityId), eq(attendance.personId, registration.personId)),
    )
    .where(eq(activity.eventId, eventId))
    .orderBy(
      asc(activity.startsAt),
      asc(activity.id),
      sql`${person.surname} collate ru_icu`,
      sql`${person.name} collate ru_icu`,
      asc(registration.id),
    )
    .limit(PAGE)
    .offset(offset);
}

export async function exportParticipants(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
): Promise<XlsxDocument> {
  await requireEventManager(ctx, actorIn, eventId);
  async function* rows() {
    for (let offset = 0; ; offset += PAGE) {
      const batch = await page(ctx, eventId, offset);
      yield* batch;
      if (batch.length < PAGE) return;
    }
  }
  return {
    fileName: datedFileName('participants'),
    write: (sink) =>
      writeXlsx(sink, {
        name: 'Участники',
        columns: [
          { header: 'Дата', width: 12, value: (r: Row) => ruDate(localDay(r.startsAt)) },
          { header: 'Время', width: 13, value: (r) => `${hhmm(r.startsAt)}–${hhmm(r.endsAt)}` },
          { header: 'Мероприятие программы', width: 50, value: (r) => r.title },
          { header: 'Аудитория', width: 20, value: (r) => r.roomName },
          { header: 'ФИО', width: 36, value: (r) => fullNameOf(r) },
          { header: 'Организация', width: 36, value: (r) => r.organizationName },
          { header: 'E-mail', width: 28, value: (r) => r.email },
          { header: 'Запись', width: 16, value: (r) => STATUS_RU[r.status] },
          { header: 'Присутствовал', width: 14, value: (r) => (r.attended ? 'да' : 'нет') },
        ],
        rows: rows(),
      }),
  };
}

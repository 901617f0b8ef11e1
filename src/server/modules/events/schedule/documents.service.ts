// The programme and the attendance list as PDF and DOCX (X-6): the same tables for both formats.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { renderTablesDocx } from '../../../documents/schedule-docx.js';
import { type PdfTable, renderTablesPdf } from '../../../documents/schedule-pdf.js';
import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { organization, person } from '../../directory/index.js';
import { activity, registration, room } from '../events.tables.js';
import { addGeneratedMaterial } from '../materials/materials.service.js';
import { getSchedule } from './activities.service.js';
import { requireActivityManager } from './registrations.service.js';
import { fullNameOf, hhmm, localDay, requireEventManager, ruDate } from './schedule.common.js';
import type { TSchedule } from './schedule.schemas.js';

export type TablesDoc = {
  title: string;
  subtitle?: string;
  tables: PdfTable[];
  landscape?: boolean;
  minRowHeight?: number;
};

const WEEKDAYS = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];
const weekday = (iso: string) => WEEKDAYS[new Date(`${iso}T12:00:00Z`).getUTCDay()];

export function programmeDoc(s: TSchedule): TablesDoc {
  const period =
    s.event.startDate === s.event.endDate
      ? ruDate(s.event.startDate)
      : `${ruDate(s.event.startDate)} — ${ruDate(s.event.endDate)}`;
  return {
    title: `Программа: ${s.event.title}`,
    subtitle: [period, s.event.venue].filter(Boolean).join(', '),
    landscape: true,
    tables: s.days
      .filter((d) => d.activities.length > 0)
      .map((d) => ({
        heading: `${ruDate(d.date)}, ${weekday(d.date)}`,
        columns: [
          { header: 'Время', width: 12 },
          { header: 'Аудитория', width: 18 },
          { header: 'Пункт программы', width: 45 },
          { header: 'Ведущие', width: 25 },
        ],
        rows: d.activities.map((a) => [
          `${hhmm(new Date(a.startsAt))}–${hhmm(new Date(a.endsAt))}`,
          a.roomName ?? '',
          (a.formTitle ? `${a.formTitle}: «${a.title}»` : a.title) +
            (a.sectionTitle ? `\nСекция «${a.sectionTitle}»` : ''),
          a.presenters.map((p) => p.fullName).join(', '),
        ]),
      })),
  };
}

export async function programmeDocument(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  format: 'pdf' | 'docx',
  o: { compress?: boolean } = {},
) {
  const doc = programmeDoc(await getSchedule(ctx, actor, eventId));
  return {
    fileName: `programma.${format}`,
    body:
      format === 'pdf'
        ? await renderTablesPdf({ ...doc, compress: o.compress })
        : await renderTablesDocx(doc),
  };
}

export async function attendanceListDoc(
  ctx: AppContext,
  actor: Actor | null,
  activityId: string,
): Promise<TablesDoc> {
  await requireActivityManager(ctx, actor, activityId);
  const [a] = await ctx.db
    .select({
      title: activity.title,
      startsAt: activity.startsAt,
      endsAt: activity.endsAt,
      roomName: room.name,
    })
    .from(activity)
    .leftJoin(room, eq(room.id, activity.roomId))
    .where(eq(activity.id, activityId));
  const people = await ctx.db
    .select({
      surname: person.surname,
      name: person.name,
      patronymic: person.patronymic,
      organizationName: organization.shortName,
    })
    .from(registration)
    .innerJoin(person, eq(person.id, registration.personId))
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .where(and(eq(registration.activityId, activityId), eq(registration.status, 'registered')))
    .orderBy(sql`${person.surname} collate ru_icu`, sql`${person.name} collate ru_icu`, asc(person.id));
  const day = ruDate(localDay(a.startsAt));
  return {
    title: 'Лист регистрации участников',
    subtitle: `«${a.title}», ${day} ${hhmm(a.startsAt)}–${hhmm(a.endsAt)}${a.roomName ? `, ${a.roomName}` : ''}`,
    minRowHeight: 24,
    tables: [
      {
        heading: `Записались: ${people.length}`,
        columns: [
          { header: '№', width: 5 },
          { header: 'ФИО', width: 35 },
          { header: 'Организация', width: 35 },
          { header: 'Подпись', width: 25 },
        ],
        rows: [
          ...people.map((p, i) => [String(i + 1), fullNameOf(p), p.organizationName ?? '', '']),
          // blank lines for people who come without registering
          ...Array.from({ length: 5 }, (_, i) => [String(people.length + i + 1), '', '', '']),
        ],
      },
    ],
  };
}

export async function attendanceListDocument(
  ctx: AppContext,
  actor: Actor | null,
  activityId: string,
  format: 'pdf' | 'docx',
  o: { compress?: boolean } = {},
) {
  const doc = await attendanceListDoc(ctx, actor, activityId);
  return {
    fileName: `list-registracii.${format}`,
    body:
      format === 'pdf'
        ? await renderTablesPdf({ ...doc, compress: o.compress })
        : await renderTablesDocx({ ...doc, rowHeight: 480 }),
  };
}

const LIST_COLUMNS = [
  { header: '№', width: 5 },
  { header: 'ФИО', width: 35 },
  { header: 'Организация', width: 35 },
  { header: 'Подпись', width: 25 },
];

/** Every attendance list of the event in one document, a page per activity (two queries, whatever the size). */
export async function allAttendanceListsDoc(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
): Promise<TablesDoc> {
  const { ev } = await requireEventManager(ctx, actor, eventId);
  const acts = await ctx.db
    .select({
      id: activity.id,
      title: activity.title,
      startsAt: activity.startsAt,
      endsAt: activity.endsAt,
      roomName: room.name,
    })
    .from(activity)
    .leftJoin(room, eq(room.id, activity.roomId))
    .where(eq(activity.eventId, eventId))
    .orderBy(asc(activity.startsAt), asc(room.name), asc(activity.id));
  const people = acts.length
    ? await ctx.db
        .select({
          activityId: registration.activityId,
          surname: person.surname,
          name: person.name,
          patronymic: person.patronymic,
          organizationName: organization.shortName,
        })
        .from(registration)
        .innerJoin(person, eq(person.id, registration.personId))
        .leftJoin(organization, eq(organization.id, person.organizationId))
        .where(
          and(
            inArray(
              registration.activityId,
              acts.map((a) => a.id),
            ),
            eq(registration.status, 'registered'),
          ),
        )
        .orderBy(sql`${person.surname} collate ru_icu`, sql`${person.name} collate ru_icu`, asc(person.id))
    : [];
  const byActivity = new Map<string, typeof people>();
  for (const p of people) {
    const list = byActivity.get(p.activityId) ?? [];
    list.push(p);
    byActivity.set(p.activityId, list);
  }
  return {
    title: `Листы регистрации: ${ev.title}`,
    minRowHeight: 24,
    tables: acts.map((a) => {
      const list = byActivity.get(a.id) ?? [];
      return {
        heading: `«${a.title}»`,
        note: `${ruDate(localDay(a.startsAt))} ${hhmm(a.startsAt)}–${hhmm(a.endsAt)}${a.roomName ? `, ${a.roomName}` : ''}. Записались: ${list.length}`,
        newPage: true,
        columns: LIST_COLUMNS,
        rows: [
          ...list.map((p, i) => [String(i + 1), fullNameOf(p), p.organizationName ?? '', '']),
          ...Array.from({ length: 5 }, (_, i) => [String(list.length + i + 1), '', '', '']),
        ],
      };
    }),
  };
}

export async function allAttendanceListsDocument(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  format: 'pdf' | 'docx',
  o: { compress?: boolean } = {},
) {
  const doc = await allAttendanceListsDoc(ctx, actor, eventId);
  return {
    fileName: `listy-registracii.${format}`,
    body:
      format === 'pdf'
        ? await renderTablesPdf({ ...doc, compress: o.compress })
        : await renderTablesDocx({ ...doc, rowHeight: 480 }),
  };
}

/**
 * S0-13: a generated document goes into the materials folder — the programme (category «other») or all
 * attendance lists (category «registration_lists»), as PDF.
 */
export async function saveScheduleDocumentToFolder(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  document: 'programme' | 'attendance_lists',
) {
  await requireEventManager(ctx, actor, eventId);
  const { body } =
    document === 'programme'
      ? await programmeDocument(ctx, actor, eventId, 'pdf')
      : await allAttendanceListsDocument(ctx, actor, eventId, 'pdf');
  return addGeneratedMaterial(ctx, actor, eventId, {
    category: document === 'programme' ? 'other' : 'registration_lists',
    title: document === 'programme' ? 'Программа мероприятия' : 'Листы регистрации',
    buffer: body,
    fileName: document === 'programme' ? 'Программа.pdf' : 'Листы регистрации.pdf',
    mime: 'application/pdf',
  });
}

// the events list with its filters as an XLSX file.
import { datedFileName, writeXlsx, type XlsxDocument, xlsxDate } from '../../documents/xlsx.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { TEventQuery } from './events.schemas.js';
import { listEvents } from './events.service.js';

const KIND_RU: Record<string, string> = {
  pedagogical_session: 'Педагогическая сессия',
  research_conference: 'Научно-практическая конференция',
  seminar: 'Семинар',
  municipal_event: 'Муниципальное мероприятие',
  meetup: 'Митап',
  other: 'Другое',
};
const STATUS_RU: Record<string, string> = {
  draft: 'Черновик',
  approved: 'Даты согласованы',
  call_open: 'Идёт приём заявок',
  call_closed: 'Приём заявок закрыт',
  completed: 'Завершено',
  cancelled: 'Отменено',
};

type ListedEvent = Awaited<ReturnType<typeof listEvents>>['items'][number];

/** the events list with its filters as XLSX. */
export async function exportEvents(
  ctx: AppContext,
  actorIn: Actor | null,
  q: Omit<TEventQuery, 'page' | 'pageSize'>,
): Promise<XlsxDocument> {
  const first = await listEvents(ctx, actorIn, { ...q, page: 1, pageSize: 200 });
  async function* rows() {
    let page = first;
    for (let n = 1; ; n++) {
      yield* page.items;
      if (n * 200 >= page.total) return;
      page = await listEvents(ctx, actorIn, { ...q, page: n + 1, pageSize: 200 });
    }
  }
  return {
    fileName: datedFileName('events'),
    write: (sink) =>
      writeXlsx(sink, {
        name: 'Мероприятия',
        columns: [
          { header: 'Начало', format: 'date', value: (e: ListedEvent) => xlsxDate(e.startDate) },
          { header: 'Окончание', format: 'date', value: (e) => xlsxDate(e.endDate) },
          { header: 'Название', width: 60, value: (e) => e.title },
          { header: 'Вид', width: 30, value: (e) => KIND_RU[e.kind] },
          { header: 'Тема', width: 40, value: (e) => e.theme },
          { header: 'Организатор', width: 30, value: (e) => e.hostOrganizationName },
          { header: 'Место', width: 40, value: (e) => e.venue },
          { header: 'Статус', width: 20, value: (e) => STATUS_RU[e.status] },
          { header: 'Учебный год', width: 12, value: (e) => e.academicYear },
        ],
        rows: rows(),
      }),
  };
}

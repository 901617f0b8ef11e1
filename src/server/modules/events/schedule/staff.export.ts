// X-6: an event's support staff (S0-6) and its consultations (S0-11) as XLSX, with the lists' access rules.
import { datedFileName, writeXlsx, type XlsxDocument } from '../../../documents/xlsx.js';
import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { StaffDuty } from '../events.tables.js';
import { hhmm, localDay, ruDate } from './schedule.common.js';
import { listConsultations, listStaff } from './staff.service.js';

const PAGE = 200;

export const DUTY_RU: Record<StaffDuty, string> = {
  technical: 'Техническое сопровождение',
  artistic: 'Художественное оформление',
  musical: 'Музыкальное сопровождение',
  operational: 'Оперативное сопровождение',
};
const CONSULTATION_RU = {
  requested: 'Запрошена',
  assigned: 'Назначена',
  done: 'Проведена',
  cancelled: 'Отменена',
};

/** Walks a paginated list service page by page (the first call runs its access check before any byte is sent). */
async function pagesOf<T>(load: (page: number) => Promise<{ items: T[]; total: number }>) {
  const first = await load(1);
  async function* rows() {
    let page = first;
    for (let n = 1; ; n++) {
      yield* page.items;
      if (n * PAGE >= page.total) return;
      page = await load(n + 1);
    }
  }
  return rows();
}

type StaffRow = Awaited<ReturnType<typeof listStaff>>['items'][number];
type ConsultationRow = Awaited<ReturnType<typeof listConsultations>>['items'][number];

export async function exportStaff(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
): Promise<XlsxDocument> {
  const rows = await pagesOf((page) => listStaff(ctx, actor, eventId, { page, pageSize: PAGE }));
  return {
    fileName: datedFileName('staff'),
    write: (sink) =>
      writeXlsx(sink, {
        name: 'Сопровождение',
        columns: [
          { header: 'ФИО', width: 36, value: (r: StaffRow) => r.fullName },
          { header: 'Организация', width: 32, value: (r) => r.organizationName },
          { header: 'Обязанность', width: 28, value: (r) => DUTY_RU[r.duty] },
          { header: 'Пункт программы', width: 40, value: (r) => r.activityTitle ?? 'Всё мероприятие' },
          { header: 'Примечание', width: 40, value: (r) => r.notes },
        ],
        rows,
      }),
  };
}

export async function exportConsultations(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
): Promise<XlsxDocument> {
  const rows = await pagesOf((page) => listConsultations(ctx, actor, eventId, { page, pageSize: PAGE }));
  const when = (iso: string | null) => {
    if (!iso) return null;
    const d = new Date(iso);
    return `${ruDate(localDay(d))} ${hhmm(d)}`;
  };
  return {
    fileName: datedFileName('consultations'),
    write: (sink) =>
      writeXlsx(sink, {
        name: 'Консультации',
        columns: [
          { header: 'Тема', width: 36, value: (r: ConsultationRow) => r.subject },
          { header: 'Вопрос', width: 50, value: (r) => r.question },
          { header: 'Кто запросил', width: 32, value: (r) => r.requesterName },
          { header: 'Организация', width: 32, value: (r) => r.organizationName },
          { header: 'Консультант', width: 32, value: (r) => r.consultantName },
          { header: 'Когда', width: 18, value: (r) => when(r.scheduledAt) },
          { header: 'Статус', width: 14, value: (r) => CONSULTATION_RU[r.status] },
        ],
        rows,
      }),
  };
}

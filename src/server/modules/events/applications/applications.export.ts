// XLSX export of an event's applications with the list's filters.
import { datedFileName, writeXlsx, type XlsxDocument } from '../../../documents/xlsx.js';
import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { TApplication, TApplicationQuery } from './applications.schemas.js';
import { listApplications } from './applications.service.js';

const STATUS_RU: Record<string, string> = {
  draft: 'черновик',
  submitted: 'подана',
  changes_requested: 'на доработке',
  accepted: 'принята',
  rejected: 'отклонена',
  withdrawn: 'отозвана',
};

/** the applications the actor sees (same filters as the list) as XLSX; access checked before streaming. */
export async function exportApplications(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  q: Omit<TApplicationQuery, 'page' | 'pageSize'>,
): Promise<XlsxDocument> {
  const first = await listApplications(ctx, actorIn, eventId, { ...q, page: 1, pageSize: 200 });
  async function* rows() {
    let page = first;
    for (let n = 1; ; n++) {
      yield* page.items;
      if (n * 200 >= page.total) return;
      page = await listApplications(ctx, actorIn, eventId, { ...q, page: n + 1, pageSize: 200 });
    }
  }
  return {
    fileName: datedFileName('applications'),
    write: (sink) =>
      writeXlsx(sink, {
        name: 'Заявки',
        columns: [
          { header: 'Тема', width: 50, value: (a: TApplication) => a.topic },
          { header: 'Форма', width: 28, value: (a) => a.form.title },
          { header: 'Заявитель', width: 36, value: (a) => a.applicant.name },
          { header: 'Соавторы', width: 36, value: (a) => a.coPresenters.map((p) => p.name).join(', ') },
          { header: 'Организация', width: 30, value: (a) => a.organization?.name ?? '' },
          { header: 'Статус', width: 14, value: (a) => STATUS_RU[a.status] },
          {
            header: 'Подана',
            format: 'date',
            value: (a) => (a.submittedAt ? new Date(a.submittedAt) : null),
          },
          { header: 'Минут', format: 'integer', value: (a) => a.durationMinutes },
          { header: 'Аудитория', width: 30, value: (a) => a.expectedAudience },
          { header: 'Участников', format: 'integer', value: (a) => a.audienceSize },
          { header: 'Оборудование', width: 30, value: (a) => a.equipment },
          { header: 'Помещение', width: 30, value: (a) => a.roomNeeds },
          { header: 'Аннотация', width: 60, value: (a) => a.annotation },
          // S2-4, last so that the columns before keep their places
          { header: 'Секция', width: 30, value: (a) => a.sectionTitle ?? '' },
          { header: 'Продукт ИОП', width: 40, value: (a) => a.product },
        ],
        rows: rows(),
      }),
  };
}

// an event's certificate registry (журнал выданных сертификатов) with the list's filters, as XLSX.
import { datedFileName, writeXlsx, type XlsxDocument } from '../../documents/xlsx.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { TCertificate, TCertificateQuery } from './certificates.schemas.js';
import { listCertificates } from './certificates.service.js';

const ROLE_RU: Record<string, string> = {
  presenter: 'Ведущий',
  listener: 'Слушатель',
  staff: 'Сопровождение',
  organizer: 'Организатор',
};
const PAGE = 500;

export async function exportCertificates(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  q: Omit<TCertificateQuery, 'page' | 'pageSize'>,
): Promise<XlsxDocument> {
  // the first page runs the access check before any byte is sent
  const first = await listCertificates(ctx, actorIn, eventId, { ...q, page: 1, pageSize: PAGE });
  async function* rows() {
    let page = first;
    for (let n = 1; ; n++) {
      yield* page.items;
      if (n * PAGE >= page.total) return;
      page = await listCertificates(ctx, actorIn, eventId, { ...q, page: n + 1, pageSize: PAGE });
    }
  }
  return {
    fileName: datedFileName('certificates'),
    write: (sink) =>
      writeXlsx(sink, {
        name: 'Сертификаты',
        columns: [
          { header: 'Номер', width: 14, value: (c: TCertificate) => c.number },
          { header: 'Кому выдан', width: 40, value: (c) => c.holderName },
          { header: 'Организация', width: 40, value: (c) => c.organizationName },
          { header: 'Роль', width: 16, value: (c) => ROLE_RU[c.role] },
          { header: 'Форма', width: 28, value: (c) => c.formTitle },
          { header: 'Тема', width: 50, value: (c) => c.topic },
          { header: 'Формулировка', width: 60, value: (c) => c.roleText },
          { header: 'Выдан', format: 'date', value: (c) => new Date(c.issuedAt) },
          { header: 'Статус', width: 14, value: (c) => (c.status === 'revoked' ? 'Отозван' : 'Действует') },
          { header: 'Причина отзыва', width: 40, value: (c) => c.revokedReason },
          { header: 'Код проверки', width: 24, value: (c) => c.code },
        ],
        rows: rows(),
      }),
  };
}

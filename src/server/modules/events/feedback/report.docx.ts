// The final report as a DOCX: a title, a table per section, the conclusion.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { TReport } from './report.schemas.js';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function ruDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

function percent(v: number | null): string {
  return v === null ? '—' : `${Math.round(v * 1000) / 10} %`;
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

function table(headers: string[], rows: (string | number)[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...(rows.length ? rows : [headers.map((_, i) => (i === 0 ? 'Нет данных' : ''))]).map(
        (r) => new TableRow({ children: r.map((v) => cell(String(v))) }),
      ),
    ],
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, text });
}

export async function reportDocx(r: TReport): Promise<Buffer> {
  const dates =
    r.event.startDate === r.event.endDate
      ? ruDate(r.event.startDate)
      : `${ruDate(r.event.startDate)} — ${ruDate(r.event.endDate)}`;
  const counted = (title: string, label: string, rows: { label: string; count: number }[]) => [
    heading(title),
    table(
      [label, 'Количество'],
      rows.map((x) => [x.label, x.count]),
    ),
  ];
  const fb = r.feedback;
  const criteriaRows = [...(fb.event ? [fb.event] : []), ...fb.byForm].flatMap((g) =>
    g.criteria.map((c) => [g.label, c.label, c.mean === null ? '—' : c.mean.toFixed(2), g.responses]),
  );
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, text: 'Итоговая справка' }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: r.event.title, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      text: [dates, r.event.venue].filter(Boolean).join(', '),
      spacing: { after: 240 },
    }),
    new Paragraph({ text: `Всего участников: ${r.participants.total}.` }),
    ...counted('Участники по ролям', 'Роль', r.participants.byRole),
    ...counted('Участники по организациям', 'Организация', r.participants.byOrganization),
    ...counted('Участники по муниципалитетам', 'Муниципалитет', r.participants.byMunicipality),
    ...counted('Участники по регионам', 'Регион', r.participants.byRegion),
    ...counted('Мероприятия по формам', 'Форма', r.activitiesByForm),
    heading('Посещаемость'),
    table(
      ['Мероприятие', 'Зарегистрировано', 'Посетили'],
      [
        ...r.attendance.byActivity.map((a) => [a.title, a.registered, a.attended]),
        ['Итого', r.attendance.registered, r.attendance.attended],
      ],
    ),
    heading('Заявки'),
    table(
      ['Принято', 'Отклонено', 'Прочие', 'Всего'],
      [[r.applications.accepted, r.applications.rejected, r.applications.other, r.applications.total]],
    ),
    heading('Обратная связь по критериям'),
    table(['Группа', 'Критерий', 'Средний балл', 'Ответов'], criteriaRows),
    heading('Обратная связь по мероприятиям'),
    table(
      ['Мероприятие', 'Ответов', 'Посетили', 'Доля ответивших', 'Средний балл'],
      fb.byActivity.map((g) => {
        const means = g.criteria.map((c) => c.mean).filter((m): m is number => m !== null);
        const avg = means.length ? (means.reduce((s, m) => s + m, 0) / means.length).toFixed(2) : '—';
        return [g.label, g.responses, g.attendees, percent(g.responseRate), avg];
      }),
    ),
    heading('Выводы'),
    ...(r.conclusion.trim() ? r.conclusion.split(/\r?\n/) : ['Выводы не заполнены.']).map(
      (line) => new Paragraph({ text: line }),
    ),
  ];
  const doc = new Document({
    creator: 'Рост',
    title: `Итоговая справка — ${r.event.title}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

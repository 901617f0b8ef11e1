// Downloadable import templates: Russian headers, one example row, and (in XLSX) a sheet of allowed values.
import type ExcelJSType from 'exceljs';
import reference from '../../../shared/reference.json';
import { type ImportKind, ORGANIZATION_COLUMNS, PEOPLE_COLUMNS } from './imports.columns.js';
import { CATEGORY_LABELS, innWithChecksum, KIND_LABELS, STATUS_LABELS } from './imports.values.js';

export type TemplateFormat = 'xlsx' | 'csv';

const utcDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const PEOPLE_EXAMPLE: Record<string, string | Date> = {
  surname: 'Иванова',
  name: 'Мария',
  patronymic: 'Петровна',
  email: 'ivanova.mp@example.ru',
  phone: '+7 (912) 345-67-89',
  birthDate: utcDate(1985, 3, 15),
  position: 'учитель',
  subjects: 'Русский язык; Литература',
  experienceStart: utcDate(2008, 9, 1),
  category: CATEGORY_LABELS.first,
  categoryDate: utcDate(2023, 12, 20),
  organization: 'МАОУ СОШ № 1',
  status: STATUS_LABELS.active,
};

const ORGANIZATION_EXAMPLE: Record<string, string> = {
  shortName: 'МАОУ СОШ № 1',
  fullName: 'Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»',
  kind: KIND_LABELS.school,
  address: '623700, Свердловская обл., г. Берёзовский, ул. Ленина, д. 1',
  inn: innWithChecksum('660400123'),
  email: 'school1@example.ru',
  phone: '+7 (343) 123-45-67',
  municipality: 'Берёзовский городской округ',
  region: 'Свердловская область',
};

const DATE_KEYS = new Set(['birthDate', 'experienceStart', 'categoryDate']);

function spec(kind: ImportKind) {
  const columns = (kind === 'people' ? PEOPLE_COLUMNS : ORGANIZATION_COLUMNS).filter((c) => c.inTemplate);
  const example = kind === 'people' ? PEOPLE_EXAMPLE : ORGANIZATION_EXAMPLE;
  return { columns, example };
}

export function templateFileName(kind: ImportKind, format: TemplateFormat): string {
  return `${kind === 'people' ? 'Шаблон импорта педагогов' : 'Шаблон импорта организаций'}.${format}`;
}

export function templateMime(format: TemplateFormat): string {
  return format === 'xlsx'
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : 'text/csv; charset=utf-8';
}

function ruDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

/** CSV as Russian Excel writes it: UTF-8 with BOM, «;» between fields, CRLF. */
export function templateCsv(kind: ImportKind): Buffer {
  const { columns, example } = spec(kind);
  const q = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cell = (v: string | Date | undefined) => (v instanceof Date ? ruDate(v) : (v ?? ''));
  const lines = [
    columns.map((c) => q(c.header)).join(';'),
    columns.map((c) => q(cell(example[c.key]))).join(';'),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function templateXlsx(kind: ImportKind): Promise<Buffer> {
  const { columns, example } = spec(kind);
  const { default: ExcelJS } = await import('exceljs'); // large: loaded on first use, not at start-up
  const wb: ExcelJSType.Workbook = new ExcelJS.Workbook();
  wb.creator = 'Рост';
  const ws = wb.addWorksheet(kind === 'people' ? 'Педагоги' : 'Организации', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(14, Math.min(45, c.header.length + 4)),
    style: DATE_KEYS.has(c.key) ? { numFmt: 'dd.mm.yyyy' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  ws.addRow(Object.fromEntries(columns.map((c) => [c.key, example[c.key]])));

  // allowed values on a second sheet (the import reads only the first one)
  const lists: [string, string[]][] =
    kind === 'people'
      ? [
          ['Категория', Object.values(CATEGORY_LABELS)],
          ['Статус', Object.values(STATUS_LABELS)],
          ['Должность', reference.positions.items],
          ['Предметы', reference.subjects.items],
        ]
      : [['Тип', Object.values(KIND_LABELS)]];
  const ref = wb.addWorksheet('Справочники');
  lists.forEach(([title, values], i) => {
    const c = i + 1;
    ref.getColumn(c).width = 45;
    ref.getCell(1, c).value = title;
    ref.getCell(1, c).font = { bold: true };
    values.forEach((v, j) => {
      ref.getCell(j + 2, c).value = v;
    });
  });
  const letter = (n: number) => String.fromCharCode(64 + n);
  lists.forEach(([title, values], i) => {
    if (title === 'Предметы' || title === 'Должность') return; // free text is allowed there
    const colIndex = columns.findIndex((c) => c.header === title) + 1;
    if (!colIndex) return;
    for (let r = 2; r <= 1000; r++) {
      ws.getCell(r, colIndex).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`'Справочники'!$${letter(i + 1)}$2:$${letter(i + 1)}$${values.length + 1}`],
        showErrorMessage: false,
      };
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

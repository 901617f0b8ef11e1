// Helpers for the import tests (and the CLI tests): build XLSX/CSV files and multipart uploads, wait for a job.
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  buildMunicipality,
  buildOrganization,
  buildRegion,
  signInAs,
} from '../../../../tests/harness/factories.js';
import type { TestApp } from '../../../../tests/harness/test-app.js';
import { auditEntry } from '../../platform/platform.tables.js';
import { person } from '../directory/index.js';

/** An XLSX with the given rows (first row = header); Date values get a dd.mm.yyyy format. */
export async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = 'dd.mm.yyyy';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV text; `;` by default, with a BOM when asked. */
export function csvOf(rows: unknown[][], o: { delimiter?: string; bom?: boolean } = {}): string {
  const d = o.delimiter ?? ';';
  const q = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return s.includes(d) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${o.bom ? '\uFEFF' : ''}${rows.map((r) => r.map(q).join(d)).join('\r\n')}\r\n`;
}

/** A multipart/form-data payload for app.inject. */
export async function multipart(
  fields: Record<string, string>,
  file?: { name: string; data: Buffer | string; type?: string },
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) {
    const bytes = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : file.data;
    fd.append(
      'file',
      new Blob([new Uint8Array(bytes)], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  }
  const req = new Request('http://local/', { method: 'POST', body: fd });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type')! },
  };
}

export async function upload(
  t: TestApp,
  cookie: string | undefined,
  fields: Record<string, string>,
  file?: { name: string; data: Buffer | string; type?: string },
) {
  const { payload, headers } = await multipart(fields, file);
  return t.call({ method: 'POST', url: '/api/imports', payload, headers, cookie });
}

/** Polls GET /api/imports/:id until the job is done or failed. */
export async function waitForJob(t: TestApp, cookie: string, id: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await t.call({ method: 'GET', url: `/api/imports/${id}`, cookie });
    if (r.status !== 200) throw new Error(`GET /api/imports/${id}: ${r.status} ${r.raw}`);
    if (r.body.status === 'done' || r.body.status === 'failed') return r.body;
    if (Date.now() > until) throw new Error(`import ${id} still ${r.body.status}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

/** Uploads and waits: the finished job. */
export async function importFile(
  t: TestApp,
  cookie: string,
  kind: 'people' | 'organizations',
  file: { name: string; data: Buffer | string },
  dryRun = false,
) {
  const r = await upload(t, cookie, { kind, dryRun: String(dryRun) }, file);
  if (r.status !== 202) throw new Error(`POST /api/imports: ${r.status} ${r.raw}`);
  return waitForJob(t, cookie, r.body.id);
}

export const PEOPLE_HEADER = [
  'Фамилия',
  'Имя',
  'Отчество',
  'E-mail',
  'Телефон',
  'Дата рождения',
  'Должность',
  'Предметы (через «;»)',
  'Начало педагогического стажа',
  'Категория',
  'Дата присвоения категории',
  'Организация (краткое наименование)',
  'Статус',
];

export const ORGANIZATION_HEADER = [
  'Краткое наименование',
  'Полное наименование',
  'Тип',
  'Адрес',
  'ИНН',
  'E-mail',
  'Телефон',
  'Муниципалитет',
  'Регион',
];

/** The directory every import test starts from: an admin, a region with two towns, three schools. */
export async function buildImportWorld(t: TestApp) {
  const admin = await signInAs(t, 'admin');
  const region = await buildRegion(t, { name: 'Тестовая область' });
  const muniA = await buildMunicipality(t, { regionId: region.id, name: 'Город Альфа' });
  const muniB = await buildMunicipality(t, { regionId: region.id, name: 'Город Бета' });
  const orgA = await buildOrganization(t, { municipalityId: muniA.id, shortName: 'МАОУ СОШ № 1' });
  const orgA2 = await buildOrganization(t, { municipalityId: muniA.id, shortName: 'МАОУ «Гимназия № 2»' });
  const orgB = await buildOrganization(t, { municipalityId: muniB.id, shortName: 'МАОУ СОШ № 9' });
  return { admin, region, muniA, muniB, orgA, orgA2, orgB };
}
export type ImportWorld = Awaited<ReturnType<typeof buildImportWorld>>;

export const utcDate = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

export async function peopleCount(t: TestApp): Promise<number> {
  const [{ n }] = await t.ctx.db.select({ n: count() }).from(person);
  return n;
}

export async function auditCount(t: TestApp, entity = 'person'): Promise<number> {
  const [{ n }] = await t.ctx.db.select({ n: count() }).from(auditEntry).where(eq(auditEntry.entity, entity));
  return n;
}

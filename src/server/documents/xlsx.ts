// Streaming XLSX writer on exceljs: rows go out as they come, so a 40,000-row export never sits in memory.
// Modules describe the sheet (columns + an async row source); routes hand the result to sendXlsx().
import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type XlsxCell = string | number | boolean | Date | null | undefined;

export type XlsxColumn<T> = {
  header: string;
  /** Column width in characters; defaults to the header's length, at least 10. */
  width?: number;
  value: (row: T) => XlsxCell;
  /** 'date' shows Date cells as dd.mm.yyyy; 'integer' as whole numbers. */
  format?: 'date' | 'integer';
};

export type XlsxSheet<T> = {
  name: string;
  columns: readonly XlsxColumn<T>[];
  rows: AsyncIterable<T> | Iterable<T>;
};

/** A file ready to be streamed: its name and how to write it into a sink. */
export type XlsxDocument = { fileName: string; write: (sink: Writable) => Promise<void> };

const NUM_FMT = { date: 'dd.mm.yyyy', integer: '0' } as const;

/** A calendar date ('YYYY-MM-DD') as a Date that Excel shows as that same day. */
export function xlsxDate(isoDate: string | null | undefined): Date | null {
  if (!isoDate) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** Writes one sheet with a bold, frozen, filterable header row; commits row by row; ends the sink. */
export async function writeXlsx<T>(sink: Writable, sheet: XlsxSheet<T>): Promise<void> {
  // exceljs is large (≈1 s to load): loaded on the first export, not at server start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Рост';
  workbook.created = new Date();
  const n = sheet.columns.length;
  const ws = workbook.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = sheet.columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width ?? Math.max(10, c.header.length + 2),
    style: c.format ? { numFmt: NUM_FMT[c.format] } : {},
  }));
  if (n > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: n } };

  const header = ws.addRow(sheet.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();

  for await (const row of sheet.rows) {
    const r = ws.addRow(sheet.columns.map((c) => c.value(row) ?? null));
    r.commit();
  }
  ws.commit();
  await workbook.commit();
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends an XLSX document as a download, streaming it as it is written. */
export function sendXlsx(reply: FastifyReply, doc: XlsxDocument): FastifyReply {
  const body = new PassThrough();
  reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', contentDisposition(doc.fileName))
    .header('cache-control', 'no-store');
  doc.write(body).catch((err: unknown) => {
    reply.log.error({ err }, 'xlsx export failed');
    body.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply.send(body);
}

/** 'people' + a date → 'people-2026-11-22.xlsx' (local calendar date). */
export function datedFileName(base: string, now: Date = new Date(), ext = 'xlsx'): string {
  const d = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `${base}-${d}.${ext}`;
}

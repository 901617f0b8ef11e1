import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contentDisposition, datedFileName, writeXlsx, xlsxDate } from './xlsx.js';

async function collect(stream: PassThrough): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('X-6 streaming XLSX writer', () => {
  it('X-6 writes a bold, filterable header and rows from an async source', async () => {
    const sink = new PassThrough();
    const done = collect(sink);
    async function* rows() {
      for (let i = 1; i <= 3; i++) yield { name: `Строка ${i}`, n: i, d: `2026-09-0${i}` };
    }
    await writeXlsx(sink, {
      name: 'Лист',
      columns: [
        { header: 'Название', width: 20, value: (r) => r.name },
        { header: 'Число', value: (r) => r.n, format: 'integer' },
        { header: 'Дата', value: (r) => xlsxDate(r.d), format: 'date' },
      ],
      rows: rows(),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await done) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Лист')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Название', 'Число', 'Дата']);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(4).getCell(1).value).toBe('Строка 3');
    expect((ws.getRow(2).getCell(3).value as Date).toISOString()).toBe('2026-09-01T00:00:00.000Z');
    expect(ws.getRow(2).getCell(3).numFmt).toBe('dd.mm.yyyy');
  });

  it('X-6 file names and Content-Disposition', () => {
    expect(datedFileName('people', new Date(2026, 10, 22))).toBe('people-2026-11-22.xlsx');
    expect(contentDisposition('люди.xlsx')).toBe(
      `attachment; filename="____.xlsx"; filename*=UTF-8''${encodeURIComponent('люди.xlsx')}`,
    );
    expect(xlsxDate(null)).toBeNull();
  });
});

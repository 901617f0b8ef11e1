import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readRows } from './imports.readers.js';

describe('X-2 XLSX reader', () => {
  it('X-2 reads a file whose sheet is stored after sharedStrings.xml and before workbook.xml', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Педагоги');
    sheet.addRow(['Фамилия', 'Имя']);
    sheet.addRow(['Ёлкина', 'Анна']);
    const written = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
    const names = Object.keys(written.files).filter((n) => !written.files[n].dir);
    const late = ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml'];
    const reordered = new JSZip();
    for (const n of names.filter((n) => n.includes('rels') || n.includes('Content_Types')))
      reordered.file(n, await written.file(n)!.async('nodebuffer'));
    for (const n of late.slice(0, 2)) reordered.file(n, await written.file(n)!.async('nodebuffer'));
    for (const n of names.filter(
      (n) => !n.includes('rels') && !n.includes('Content_Types') && !late.includes(n),
    ))
      reordered.file(n, await written.file(n)!.async('nodebuffer'));
    reordered.file(late[2], await written.file(late[2])!.async('nodebuffer'));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rost-xlsx-')), 'reordered.xlsx');
    fs.writeFileSync(file, await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    const rows: unknown[][] = [];
    for await (const r of readRows(file, { format: 'xlsx' })) rows.push([...r.cells.values()]);
    expect(rows.map((r) => r.map(String))).toEqual([
      ['Фамилия', 'Имя'],
      ['Ёлкина', 'Анна'],
    ]);
  });
});

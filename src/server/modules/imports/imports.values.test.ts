import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileTypeFromFile } from 'file-type';
import { describe, expect, it } from 'vitest';
import { headerKey, mapHeader, PEOPLE_COLUMNS } from './imports.columns.js';
import { detectImportFormat, sniffDelimiter, wholeUtf8Chunks, wholeUtf8Length } from './imports.readers.js';
import {
  cellText,
  guessGender,
  innChecksumOk,
  innWithChecksum,
  parseCategory,
  parseDate,
  parseEmail,
  parseInn,
  parseKind,
  parseStatus,
  parseSubjects,
} from './imports.values.js';

describe('X-2 import cell parsers', () => {
  it('X-2 dates: dd.mm.yyyy, yyyy-mm-dd, real Excel dates and serial numbers', () => {
    expect(parseDate('05.03.1985')).toEqual({ ok: true, value: '1985-03-05' });
    expect(parseDate('5.3.1985')).toEqual({ ok: true, value: '1985-03-05' });
    expect(parseDate('1985-03-05')).toEqual({ ok: true, value: '1985-03-05' });
    expect(parseDate(new Date(Date.UTC(1985, 2, 5)))).toEqual({ ok: true, value: '1985-03-05' });
    expect(parseDate(31111)).toEqual({ ok: true, value: '1985-03-05' });
    expect(parseDate('31.02.1980')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/ДД\.ММ\.ГГГГ/),
    });
    expect(parseDate('вчера').ok).toBe(false);
  });

  it('X-2 categories and kinds by Russian label (long or short), alias or code', () => {
    expect(parseCategory('высшая квалификационная категория')).toEqual({ ok: true, value: 'highest' });
    expect(parseCategory('Высшая')).toEqual({ ok: true, value: 'highest' });
    expect(parseCategory('first')).toEqual({ ok: true, value: 'first' });
    expect(parseCategory('СЗД')).toEqual({ ok: true, value: 'position_compliance' });
    expect(parseCategory('без категории')).toEqual({ ok: true, value: 'none' });
    expect(
      parseCategory('педагог-методист (для имеющих высшую категорию, по ходатайству работодателя)'),
    ).toEqual({
      ok: true,
      value: 'methodologist',
    });
    expect(parseCategory('вторая').ok).toBe(false);
    expect(parseKind('методический центр (ИМЦ, ЦНППМ, РМЦ)')).toEqual({
      ok: true,
      value: 'methodological_centre',
    });
    expect(parseKind('ДОУ')).toEqual({ ok: true, value: 'kindergarten' });
    expect(parseKind('kindergarten')).toEqual({ ok: true, value: 'kindergarten' });
    expect(parseStatus('Уволена')).toEqual({ ok: true, value: 'left' });
  });

  it('X-2 e-mail, INN check digits, subjects in the catalogue spelling', () => {
    expect(parseEmail('  Ivanova@Example.RU ')).toEqual({ ok: true, value: 'ivanova@example.ru' });
    expect(parseEmail({ text: 'a@b.ru', hyperlink: 'mailto:a@b.ru' })).toEqual({ ok: true, value: 'a@b.ru' });
    expect(parseEmail('ivanova@').ok).toBe(false);
    const inn = innWithChecksum('770708389');
    expect(inn).toBe('7707083893');
    expect(innChecksumOk('500100732259')).toBe(true);
    expect(parseInn('7707083894').ok).toBe(false);
    expect(parseSubjects('русский язык; Литература;;русский язык')).toEqual({
      ok: true,
      value: ['Русский язык', 'Литература'],
    });
  });

  it('X-2 rich text and formula cells read as text; gender from patronymic or surname', () => {
    expect(cellText({ richText: [{ text: 'Ива' }, { text: 'нова' }] })).toBe('Иванова');
    expect(cellText({ formula: 'A1', result: 42 })).toBe('42');
    expect(guessGender('Иванова', 'Петровна')).toBe('female');
    expect(guessGender('Шевчук', 'Ильич')).toBe('male');
    expect(guessGender('Петров', null)).toBe('male');
    expect(guessGender('Шевчук', null)).toBeNull();
  });

  it('X-2 headers are matched loosely (case, ё, parentheses, aliases)', () => {
    expect(headerKey('Предметы (через «;»)')).toBe('предметы');
    expect(headerKey('е-mail')).toBe('email');
    const m = mapHeader(
      PEOPLE_COLUMNS,
      new Map([
        [1, 'ФАМИЛИЯ'],
        [2, 'имя'],
        [3, 'Электронная почта'],
        [4, 'Квалификационная категория'],
        [5, 'Что-то ещё'],
      ]),
    );
    expect([...m.byIndex.entries()]).toEqual([
      [1, 'surname'],
      [2, 'name'],
      [3, 'email'],
      [4, 'category'],
    ]);
  });

  it('X-2 CSV delimiter sniffing and whole UTF-8 chunks', async () => {
    expect(sniffDelimiter('\uFEFFФамилия;Имя;"А,Б"\n')).toBe(';');
    expect(sniffDelimiter('Фамилия,Имя,Отчество')).toBe(',');
    expect(sniffDelimiter('Фамилия\tИмя')).toBe('\t');
    const bytes = Buffer.from('Казакова', 'utf8');
    expect(wholeUtf8Length(bytes.subarray(0, 3))).toBe(2);
    const parts = [bytes.subarray(0, 3), bytes.subarray(3, 8), bytes.subarray(8)];
    async function* source() {
      yield* parts;
    }
    const out: Buffer[] = [];
    for await (const c of wholeUtf8Chunks(source())) out.push(c as Buffer);
    expect(out.map((c) => c.toString('utf8'))).toEqual(['К', 'аза', 'кова']);
  });
});

/** A minimal ZIP (stored entries) with the entries in the given order. */
function storedZip(entries: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe('X-2 file type by content', () => {
  it('X-2 a streamed workbook whose big sheet comes before its markers is still XLSX; other ZIPs are not', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rost-zip-'));
    try {
      const big = Buffer.alloc(300_000, 0x78);
      const xlsx = path.join(dir, 'streamed.xlsx');
      fs.writeFileSync(
        xlsx,
        storedZip([
          ['xl/worksheets/sheet1.xml', big],
          ['[Content_Types].xml', Buffer.from('<Types/>')],
          ['xl/workbook.xml', Buffer.from('<workbook/>')],
        ]),
      );
      expect((await fileTypeFromFile(xlsx))?.ext).toBe('zip');
      expect(await detectImportFormat(xlsx)).toEqual({ format: 'xlsx' });
      const other = path.join(dir, 'other.zip');
      fs.writeFileSync(
        other,
        storedZip([
          ['word/document.xml', big],
          ['[Content_Types].xml', Buffer.from('<Types/>')],
        ]),
      );
      expect(await detectImportFormat(other)).toBeNull();
      const csv = path.join(dir, 'a.csv');
      fs.writeFileSync(csv, 'Фамилия;Имя\r\n');
      expect(await detectImportFormat(csv)).toEqual({ format: 'csv', encoding: 'utf-8' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

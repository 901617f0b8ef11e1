// Reads import files row by row without loading them whole: exceljs' streaming reader for XLSX,
// csv-parse for CSV (UTF-8 with or without BOM, or Windows-1251; «;», «,» or tab as delimiter).
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { fileTypeFromFile } from 'file-type';

export type ImportFormat = 'xlsx' | 'csv';
export type CsvEncoding = 'utf-8' | 'windows-1251';
export type SourceRow = { row: number; cells: Map<number, unknown> };
/** How far into the file the reader is (bytes read from disk), for a progress estimate. */
export type ReadProgress = { bytes: number; size: number };

function countingStream(file: string, progress?: ReadProgress): fs.ReadStream {
  const input = fs.createReadStream(file);
  if (progress) {
    progress.size = fs.statSync(file).size;
    input.on('data', (chunk) => {
      progress.bytes += chunk.length;
    });
  }
  return input;
}

const SNIFF_BYTES = 64 * 1024;

async function head(file: string, n = SNIFF_BYTES): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Valid UTF-8, allowing a multi-byte character cut at the end of the sample. */
function isUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Plain text in a single-byte Cyrillic code page: no control bytes except tab and line breaks. */
function looksLikeCp1251Text(buf: Buffer): boolean {
  for (const b of buf) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
    if (b === 0x7f || b === 0x98) return false;
  }
  return true;
}

/** Names of the entries of a ZIP file, read from its central directory (null when it is not a readable ZIP). */
export async function zipEntryNames(file: string): Promise<string[] | null> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const { size } = await fh.stat();
    const tailSize = Math.min(size, 65_557); // end-of-central-directory record + the longest comment
    const tail = Buffer.alloc(tailSize);
    await fh.read(tail, 0, tailSize, size - tailSize);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || eocd + 22 > tail.length) return null;
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset + dirSize > size || dirSize > 16 * 1024 * 1024) return null;
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    const names: string[] = [];
    for (let at = 0, i = 0; i < count && at + 46 <= dir.length; i++) {
      if (dir.readUInt32LE(at) !== 0x02014b50) return null;
      const nameLength = dir.readUInt16LE(at + 28);
      const extra = dir.readUInt16LE(at + 30);
      const comment = dir.readUInt16LE(at + 32);
      names.push(dir.toString('utf8', at + 46, at + 46 + nameLength));
      at += 46 + nameLength + extra + comment;
    }
    return names;
  } finally {
    await fh.close();
  }
}

export type Detected = { format: ImportFormat; encoding?: CsvEncoding } | null;

/** What the file is, by its content (never by its name): XLSX, CSV text, or something else (null). */
export async function detectImportFormat(file: string): Promise<Detected> {
  const type = await fileTypeFromFile(file);
  if (type?.ext === 'xlsx') return { format: 'xlsx' };
  if (type?.ext === 'zip') {
    // file-type looks at the first entries only; a streamed workbook may put a large sheet before the markers
    const names = await zipEntryNames(file);
    return names?.includes('xl/workbook.xml') && names.includes('[Content_Types].xml')
      ? { format: 'xlsx' }
      : null;
  }
  if (type) return null;
  const sample = await head(file);
  if (sample.includes(0)) return null;
  if (isUtf8(sample)) return { format: 'csv', encoding: 'utf-8' };
  if (looksLikeCp1251Text(sample)) return { format: 'csv', encoding: 'windows-1251' };
  return null;
}

/** The delimiter of the first line: the most frequent of «;», «,», tab outside quotes. */
export function sniffDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : ';';
}

function decoder(encoding: CsvEncoding): Transform {
  const dec = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      cb(null, dec.decode(chunk, { stream: true }));
    },
    flush(cb) {
      const rest = dec.decode();
      cb(null, rest || undefined);
    },
  });
}

/** Counts lines (a cheap pass over bytes) so that CSV progress can show a total; approximate for quoted breaks. */
export async function countLines(file: string): Promise<number> {
  let n = 0;
  let last = 0x0a;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) n++;
    if (chunk.length) last = chunk[chunk.length - 1];
  }
  return last === 0x0a ? n : n + 1;
}

async function* csvRows(
  file: string,
  encoding: CsvEncoding,
  progress?: ReadProgress,
): AsyncGenerator<SourceRow> {
  const sample = new TextDecoder(encoding).decode(await head(file, 16 * 1024));
  const parser = parse({
    delimiter: sniffDelimiter(sample),
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const input = countingStream(file, progress);
  const stream = encoding === 'utf-8' ? input.pipe(parser) : input.pipe(decoder(encoding)).pipe(parser);
  input.on('error', (e) => parser.destroy(e));
  let row = 0;
  for await (const record of stream as AsyncIterable<string[]>) {
    row++;
    const cells = new Map<number, unknown>();
    record.forEach((v, i) => {
      if (v !== '') cells.set(i + 1, v);
    });
    yield { row, cells };
  }
}

/** Length of the prefix of `buf` that ends on a whole UTF-8 character. */
export function wholeUtf8Length(buf: Buffer): number {
  for (let i = buf.length - 1, k = 0; i >= 0 && k < 4; i--, k++) {
    const b = buf[i];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return buf.length - i >= need ? buf.length : i;
  }
  return buf.length;
}

/** Re-chunks bytes so that no chunk ends in the middle of a UTF-8 character. */
export async function* wholeUtf8Chunks(
  source: AsyncIterable<Buffer | string>,
): AsyncGenerator<Buffer | string> {
  let carry: Buffer | null = null;
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const cut = wholeUtf8Length(buf);
    carry = cut < buf.length ? Buffer.from(buf.subarray(cut)) : null;
    if (cut) yield buf.subarray(0, cut);
  }
  if (carry) yield carry;
}

class WholeUtf8 extends Transform {
  private carry: Buffer | null = null;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null, d?: Buffer) => void) {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = wholeUtf8Length(buf);
    this.carry = cut < buf.length ? Buffer.from(buf.subarray(cut)) : null;
    cb(null, cut ? buf.subarray(0, cut) : undefined);
  }
  override _flush(cb: (e?: Error | null, d?: Buffer) => void) {
    cb(null, this.carry ?? undefined);
  }
}

/**
 * exceljs 4.4's streaming reader decodes every chunk of XML on its own, so a Cyrillic letter split between two
 * chunks turns into «��» (e.g. «Ка��акова»). The reader's entry streams are re-chunked on character boundaries.
 */
function guardUtf8(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const r = reader as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const m of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles']) {
    const original = r[m].bind(reader);
    r[m] = (entry: unknown) => original((entry as NodeJS.ReadableStream).pipe(new WholeUtf8()));
  }
  const parseWorksheet = r._parseWorksheet.bind(reader);
  r._parseWorksheet = (iterator: unknown, sheetNo: unknown) => {
    // exceljs reads `model.sheets` here, but when a file stores the sheet after sharedStrings.xml and before
    // workbook.xml (the order varies in files exceljs itself writes) the model does not exist yet and it throws
    // «Cannot read properties of undefined (reading 'sheets')». The sheet is read all the same without its name.
    const self = reader as unknown as { model?: { sheets?: unknown[] } };
    if (!self.model) self.model = { sheets: [] };
    return parseWorksheet(wholeUtf8Chunks(iterator as AsyncIterable<Buffer>), sheetNo);
  };
}

async function* xlsxRows(file: string, progress?: ReadProgress): AsyncGenerator<SourceRow> {
  const { default: Excel } = await import('exceljs'); // large: loaded on first use, not at start-up
  const reader = new Excel.stream.xlsx.WorkbookReader(countingStream(file, progress), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  guardUtf8(reader);
  let first = true;
  for await (const sheet of reader as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
    if (!first) {
      for await (const _ of sheet) {
        // later sheets (e.g. the template's reference lists) are drained, not imported
      }
      continue;
    }
    first = false;
    for await (const r of sheet) {
      const cells = new Map<number, unknown>();
      const values = r.values as unknown[];
      for (let i = 1; i < values.length; i++) {
        const v = values[i];
        if (v !== null && v !== undefined && v !== '') cells.set(i, v);
      }
      yield { row: r.number, cells };
    }
  }
}

export function readRows(
  file: string,
  detected: NonNullable<Detected>,
  progress?: ReadProgress,
): AsyncGenerator<SourceRow> {
  return detected.format === 'xlsx'
    ? xlsxRows(file, progress)
    : csvRows(file, detected.encoding ?? 'utf-8', progress);
}

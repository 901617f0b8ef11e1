// Certificate PDFs (S0-12): A4 landscape, PT Sans, the QR code to /verify/{code} drawn as vector rectangles.
//
// Speed (issue 3 measures 1,000 certificates): a pdfkit document per certificate parses, lays out and
// subsets the TrueType font anew each time (23.7 s for 1,000 files). Here the fonts are parsed once per
// process and subset ONCE for the certificate alphabet (Cyrillic, Latin, digits, punctuation, plus any
// rarer letter found in the data); the embedded font objects (subset program, widths, ToUnicode map)
// are serialised once into a byte "template" with fixed object numbers, and every PDF — one page or a
// thousand — is that template plus its own page content streams and a cross-reference table. Text is
// written as glyph ids (Identity-H) with a ToUnicode map, so it stays searchable and copyable.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import QRCode from 'qrcode';

export type CertificatePdfData = {
  number: string;
  code: string;
  holderNameDative: string;
  organizationName: string | null;
  /** the sentence after the name: «провела мастер-класс по теме «…»» */
  roleText: string;
  eventTitle: string;
  eventDates: string;
  /** dd.MM.yyyy */
  issuedAt: string;
  /** the pronoun of «в том, что она …»; unknown = «он(а)» */
  gender?: 'male' | 'female' | null;
  /** presenters' certificates name the event as «в рамках мероприятия «…»», others as the event itself */
  presenter?: boolean;
  revoked?: boolean;
};

export type CertificatePdfOptions = {
  publicUrl: string;
  /** false leaves page content streams uncompressed (tests read them) */
  compress?: boolean;
  issuerName?: string;
};

const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve('@expo-google-fonts/pt-sans/package.json'));

/** The parts of fontkit's API used here (fontkit ships no types). */
type FkGlyph = { id: number; advanceWidth: number };
type FkSubset = { includeGlyph: (g: number | FkGlyph) => number; encode: () => Uint8Array; glyphs: number[] };
type FkFont = {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  postscriptName: string;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  glyphForCodePoint: (cp: number) => FkGlyph;
  hasGlyphForCodePoint: (cp: number) => boolean;
  getGlyph: (id: number) => FkGlyph;
  createSubset: () => FkSubset;
};
const fontkit = require('fontkit') as { create: (b: Buffer) => FkFont };

type FaceKey = 'R' | 'B';
let parsed: Record<FaceKey, FkFont> | null = null;
function fonts(): Record<FaceKey, FkFont> {
  if (!parsed) {
    const open = (p: string) => fontkit.create(fs.readFileSync(path.join(fontDir, p)));
    parsed = { R: open('400Regular/PTSans_400Regular.ttf'), B: open('700Bold/PTSans_700Bold.ttf') };
  }
  return parsed;
}

const BASE_CHARS = (() => {
  let s = '';
  for (let c = 0x20; c < 0x7f; c++) s += String.fromCharCode(c);
  for (let c = 0x410; c <= 0x44f; c++) s += String.fromCharCode(c);
  return `${s}Ёё«»—–№…“”„‘’•°\u00a0`;
})();

/** A face subset for one alphabet: glyph id and width (1/1000 em) per code point. */
type Face = { map: Map<number, { gid: number; w: number }> };
/** The serialised font objects (numbers 3…12) and the faces they encode. */
type Template = { faces: Record<FaceKey, Face>; bytes: Buffer; offsets: number[] };

const FIRST_FONT_OBJ = 3;
const OBJS_PER_FACE = 5;
const FIRST_PAGE_OBJ = FIRST_FONT_OBJ + 2 * OBJS_PER_FACE; // 13
const templates = new Map<string, Template>();

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

function buildFace(font: FkFont, chars: string, key: FaceKey, firstObj: number) {
  const subset = font.createSubset();
  const map = new Map<number, { gid: number; w: number }>();
  const scale = 1000 / font.unitsPerEm;
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    if (map.has(cp) || !font.hasGlyphForCodePoint(cp)) continue;
    const g = font.glyphForCodePoint(cp);
    const gid = subset.includeGlyph(g);
    map.set(cp, { gid, w: Math.round(g.advanceWidth * scale) });
  }
  const program = Buffer.from(subset.encode());
  const widths = subset.glyphs.map((orig) => Math.round(font.getGlyph(orig).advanceWidth * scale));
  const name = `${key === 'R' ? 'RSTAAA' : 'RSTAAB'}+${font.postscriptName.replaceAll(' ', '_')}`;
  const [cid, desc, file, tounicode] = [1, 2, 3, 4].map((i) => firstObj + i);
  const bb = font.bbox;
  const cmapEntries: string[] = [];
  for (const [cp, { gid }] of map) cmapEntries.push(`<${hex4(gid)}> <${hex4(cp)}>`);
  const chunks: string[] = [];
  for (let i = 0; i < cmapEntries.length; i += 100) {
    const part = cmapEntries.slice(i, i + 100);
    chunks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
  }
  const cmap = Buffer.from(
    `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000><ffff>\nendcodespacerange\n${chunks.join('\n')}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`,
  );
  const cmapZ = zlib.deflateSync(cmap);
  const programZ = zlib.deflateSync(program);
  const objects: Buffer[] = [
    Buffer.from(
      `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${tounicode} 0 R >>`,
    ),
    Buffer.from(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${desc} 0 R /CIDToGIDMap /Identity /W [0 [${widths.join(' ')}]] >>`,
    ),
    Buffer.from(
      `<< /Type /FontDescriptor /FontName /${name} /Flags 4 /FontBBox [${[bb.minX, bb.minY, bb.maxX, bb.maxY].map((v) => Math.round(v * scale)).join(' ')}] /ItalicAngle ${font.italicAngle} /Ascent ${Math.round(font.ascent * scale)} /Descent ${Math.round(font.descent * scale)} /CapHeight ${Math.round((font.capHeight || font.ascent) * scale)} /XHeight ${Math.round((font.xHeight || 0) * scale)} /StemV 0 /FontFile2 ${file} 0 R >>`,
    ),
    Buffer.concat([
      Buffer.from(
        `<< /Length ${programZ.length} /Length1 ${program.length} /Filter /FlateDecode >>\nstream\n`,
      ),
      programZ,
      Buffer.from('\nendstream'),
    ]),
    Buffer.concat([
      Buffer.from(`<< /Length ${cmapZ.length} /Filter /FlateDecode >>\nstream\n`),
      cmapZ,
      Buffer.from('\nendstream'),
    ]),
  ];
  return { face: { map }, objects };
}

const HEADER = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');

/** Letters of `items` beyond the base alphabet (that the font has): the key of their font template. */
export function alphabetOf(items: CertificatePdfData[]): string {
  const f = fonts();
  const extra = new Set<string>();
  for (const c of items) {
    for (const s of [c.holderNameDative, c.organizationName ?? '', c.roleText, c.eventTitle, c.eventDates]) {
      for (const ch of s)
        if (!BASE_CHARS.includes(ch) && f.R.hasGlyphForCodePoint(ch.codePointAt(0)!)) extra.add(ch);
    }
  }
  return [...extra].sort().join('');
}

/** The font template for an alphabet (the base alphabet covers nearly every certificate). */
function templateFor(key: string): Template {
  const f = fonts();
  const cached = templates.get(key);
  if (cached) return cached;
  const chars = BASE_CHARS + key;
  const r = buildFace(f.R, chars, 'R', FIRST_FONT_OBJ);
  const b = buildFace(f.B, chars, 'B', FIRST_FONT_OBJ + OBJS_PER_FACE);
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let pos = HEADER.length;
  [...r.objects, ...b.objects].forEach((body, i) => {
    const chunk = Buffer.concat([
      Buffer.from(`${FIRST_FONT_OBJ + i} 0 obj\n`),
      body,
      Buffer.from('\nendobj\n'),
    ]);
    offsets.push(pos);
    pos += chunk.length;
    parts.push(chunk);
  });
  const t: Template = { faces: { R: r.face, B: b.face }, bytes: Buffer.concat([HEADER, ...parts]), offsets };
  if (templates.size > 16) templates.clear();
  templates.set(key, t);
  return t;
}

const W = 841.89;
const H = 595.28;
const n2 = (v: number) => (Math.round(v * 100) / 100).toString();

/** Draws one certificate into a content stream. */
class Page {
  private ops: string[] = [];
  constructor(private faces: Record<FaceKey, Face>) {}

  width(face: FaceKey, size: number, s: string): number {
    const m = this.faces[face].map;
    let w = 0;
    for (const ch of s) w += m.get(ch.codePointAt(0)!)?.w ?? 0;
    return (w * size) / 1000;
  }

  private glyphs(face: FaceKey, s: string): string {
    const m = this.faces[face].map;
    let out = '';
    for (const ch of s) out += hex4(m.get(ch.codePointAt(0)!)?.gid ?? 0);
    return out;
  }

  color(hex: string, stroke = false) {
    const v = Number.parseInt(hex.slice(1), 16);
    const c = [v >> 16, (v >> 8) & 0xff, v & 0xff].map((x) => n2(x / 255)).join(' ');
    this.ops.push(`${c} ${stroke ? 'RG' : 'rg'}`);
  }

  /** Text with its top-left at (x, top) in page coordinates from the top. */
  text(face: FaceKey, size: number, s: string, x: number, top: number) {
    const baseline = H - top - size * 0.8;
    this.ops.push(`BT /${face} ${size} Tf ${n2(x)} ${n2(baseline)} Td <${this.glyphs(face, s)}> Tj ET`);
  }

  /** Centred text wrapped to `maxWidth`; returns the top of the next line. */
  centered(face: FaceKey, size: number, s: string, top: number, maxWidth = W - 160, leading = 1.25): number {
    const lines: string[] = [];
    let line = '';
    for (const word of s.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && this.width(face, size, candidate) > maxWidth) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
    for (const l of lines) {
      this.text(face, size, l, (W - this.width(face, size, l)) / 2, top);
      top += size * leading;
    }
    return top;
  }

  raw(op: string) {
    this.ops.push(op);
  }

  content(): string {
    return this.ops.join('\n');
  }
}

function qrOps(url: string, x: number, top: number, box: number): string {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M', maskPattern: 0 });
  const size = qr.modules.size;
  const data = qr.modules.data;
  const m = box / size;
  const out: string[] = ['0 0 0 rg'];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (data[row * size + col]) {
        const start = col;
        while (col < size && data[row * size + col]) col++;
        const y = H - top - (row + 1) * m;
        out.push(`${n2(x + start * m)} ${n2(y)} ${n2((col - start) * m + 0.05)} ${n2(m + 0.05)} re`);
      } else col++;
    }
  }
  out.push('f');
  return out.join('\n');
}

export function verifyUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/$/, '')}/verify/${code}`;
}

function drawCertificate(
  faces: Record<FaceKey, Face>,
  c: CertificatePdfData,
  opts: CertificatePdfOptions,
): string {
  const p = new Page(faces);
  p.color('#1f5f4a', true);
  p.raw(`3 w 24 24 ${n2(W - 48)} ${n2(H - 48)} re S 0.8 w 32 32 ${n2(W - 64)} ${n2(H - 64)} re S`);
  p.color('#1f5f4a');
  p.centered('B', 40, 'СЕРТИФИКАТ', 62);
  p.color('#333333');
  p.centered('R', 13, `№ ${c.number}`, 112);
  p.centered('R', 15, 'выдан', 152);
  p.color('#000000');
  let top = p.centered('B', 26, c.holderNameDative, 182);
  if (c.organizationName) {
    p.color('#333333');
    top = p.centered('R', 13, c.organizationName, top + 2);
  }
  p.color('#000000');
  const pronoun = c.gender === 'female' ? 'она' : c.gender === 'male' ? 'он' : 'он(а)';
  top = p.centered('R', 17, `в том, что ${pronoun} ${c.roleText}`, top + 14);
  top = p.centered(
    'R',
    15,
    c.presenter ? `в рамках мероприятия «${c.eventTitle}»` : `«${c.eventTitle}»`,
    top + 6,
  );
  p.color('#333333');
  p.centered('R', 13, c.eventDates, top + 4);
  p.text('R', 11, `Дата выдачи: ${c.issuedAt}`, 70, H - 112);
  if (opts.issuerName) p.text('R', 11, opts.issuerName, 70, H - 94);
  const url = verifyUrl(opts.publicUrl, c.code);
  p.text('R', 9, `Проверка подлинности: ${url}`, 70, H - 72);
  p.raw(qrOps(url, W - 70 - 110, H - 60 - 110, 110));
  if (c.revoked) {
    p.color('#d98880');
    const label = 'АННУЛИРОВАН';
    const w = p.width('B', 80, label);
    p.raw(`q 0.94 -0.342 0.342 0.94 ${n2(W / 2 - w * 0.47)} ${n2(H / 2 + w * 0.17 - 30)} cm`);
    p.raw(
      `BT /B 80 Tf 0 0 Td <${[...label].map((ch) => hex4(faces.B.map.get(ch.codePointAt(0)!)?.gid ?? 0)).join('')}> Tj ET Q`,
    );
  }
  return p.content();
}

/** Assembles template + pages into one PDF file. */
function assemble(t: Template, streams: Buffer[], compress: boolean): Buffer {
  const parts: Buffer[] = [t.bytes];
  const offsets: number[] = [0, 0, 0, ...t.offsets];
  let pos = t.bytes.length;
  const push = (num: number, body: Buffer | string) => {
    const chunk = Buffer.concat([
      Buffer.from(`${num} 0 obj\n`),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n'),
    ]);
    offsets[num] = pos;
    pos += chunk.length;
    parts.push(chunk);
  };
  const pageNums: number[] = [];
  streams.forEach((data, i) => {
    const pageNum = FIRST_PAGE_OBJ + i * 2;
    pageNums.push(pageNum);
    push(
      pageNum,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W} ${H}] /Resources << /Font << /R ${FIRST_FONT_OBJ} 0 R /B ${FIRST_FONT_OBJ + OBJS_PER_FACE} 0 R >> /ProcSet [/PDF /Text] >> /Contents ${pageNum + 1} 0 R >>`,
    );
    push(
      pageNum + 1,
      Buffer.concat([
        Buffer.from(`<< /Length ${data.length}${compress ? ' /Filter /FlateDecode' : ''} >>\nstream\n`),
        data,
        Buffer.from('\nendstream'),
      ]),
    );
  });
  push(1, '<< /Type /Catalog /Pages 2 0 R >>');
  push(
    2,
    `<< /Type /Pages /Kids [${pageNums.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageNums.length} >>`,
  );
  const size = FIRST_PAGE_OBJ + streams.length * 2;
  const xref = [`xref\n0 ${size}\n0000000000 65535 f \n`];
  for (let i = 1; i < size; i++) xref.push(`${String(offsets[i]).padStart(10, '0')} 00000 n \n`);
  xref.push(
    `trailer\n<< /Size ${size} /Root 1 0 R /Info << /Producer (Rost) >> >>\nstartxref\n${pos}\n%%EOF\n`,
  );
  parts.push(Buffer.from(xref.join(''), 'latin1'));
  return Buffer.concat(parts);
}

function streamOf(content: string, compress: boolean): Buffer {
  const raw = Buffer.from(content, 'latin1');
  return compress ? zlib.deflateSync(raw, { level: 1 }) : raw;
}

/** The page content streams of `items` drawn with the font template of `alphabet` (workers run this). */
export function renderPageStreams(
  items: CertificatePdfData[],
  opts: CertificatePdfOptions,
  alphabet: string,
): Buffer[] {
  const t = templateFor(alphabet);
  return items.map((c) => streamOf(drawCertificate(t.faces, c, opts), opts.compress ?? true));
}

/** One PDF from page streams drawn with the template of `alphabet`. */
export function assembleCertificatesPdf(
  streams: Buffer[],
  opts: CertificatePdfOptions,
  alphabet: string,
): Buffer {
  const t = templateFor(alphabet);
  if (streams.length === 0) {
    const p = new Page(t.faces);
    p.centered('R', 16, 'Сертификатов нет.', 80);
    streams = [streamOf(p.content(), opts.compress ?? true)];
  }
  return assemble(t, streams, opts.compress ?? true);
}

/** All certificates as pages of one PDF (fonts embedded once), in this thread. */
export function renderCertificatesPdfSync(items: CertificatePdfData[], opts: CertificatePdfOptions): Buffer {
  const alphabet = alphabetOf(items);
  return assembleCertificatesPdf(renderPageStreams(items, opts, alphabet), opts, alphabet);
}

/** Each certificate as its own PDF (the font template is shared), in this thread. */
export function renderCertificatePdfFilesSync(
  items: CertificatePdfData[],
  opts: CertificatePdfOptions,
  alphabet = alphabetOf(items),
): Buffer[] {
  const t = templateFor(alphabet);
  return renderPageStreams(items, opts, alphabet).map((s) => assemble(t, [s], opts.compress ?? true));
}

export async function renderCertificatePdf(c: CertificatePdfData, opts: CertificatePdfOptions) {
  return renderCertificatesPdfSync([c], opts);
}

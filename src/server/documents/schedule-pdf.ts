// PDF documents of the schedule: the programme (a table per day) and the attendance list for signatures.
// pdfkit with PT Sans (Cyrillic); `compress: false` lets tests read the text back.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve('@expo-google-fonts/pt-sans/package.json'));
let fontData: { R: Buffer; B: Buffer } | undefined;
function fontsOnce() {
  fontData ??= {
    R: fs.readFileSync(path.join(fontDir, '400Regular/PTSans_400Regular.ttf')),
    B: fs.readFileSync(path.join(fontDir, '700Bold/PTSans_700Bold.ttf')),
  };
  return fontData;
}

export type PdfTable = {
  heading: string;
  /** a line under the heading (e.g. the activity's time and room) */
  note?: string;
  columns: { header: string; width: number }[];
  rows: string[][];
  /** start this table on a new page (one attendance list per page) */
  newPage?: boolean;
};
export type PdfDocumentSpec = {
  title: string;
  subtitle?: string;
  tables: PdfTable[];
  landscape?: boolean;
  compress?: boolean;
  /** a row's minimal height (the attendance list leaves room for a signature) */
  minRowHeight?: number;
};

const PAD = 4;

export async function renderTablesPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit'); // large: loaded on first use, not at start-up
  const f = fontsOnce();
  const doc = new PDFDocument({
    size: 'A4',
    layout: spec.landscape ? 'landscape' : 'portrait',
    margin: 36,
    compress: spec.compress ?? true,
    info: { Title: spec.title, Creator: 'Rost' },
  });
  doc.registerFont('R', f.R);
  doc.registerFont('B', f.B);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const usable = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  doc.font('B').fontSize(15).text(spec.title, { align: 'center' });
  if (spec.subtitle) doc.font('R').fontSize(10).text(spec.subtitle, { align: 'center' });
  doc.moveDown(0.5);

  spec.tables.forEach((table, n) => {
    const total = table.columns.reduce((s, c) => s + c.width, 0);
    const widths = table.columns.map((c) => (c.width / total) * usable);
    const drawRow = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'B' : 'R').fontSize(bold ? 9.5 : 9.5);
      const h = Math.max(
        spec.minRowHeight && !bold ? spec.minRowHeight : 0,
        ...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * PAD }) + 2 * PAD),
      );
      if (doc.y + h > bottom()) doc.addPage();
      const y = doc.y;
      let x = left;
      cells.forEach((c, i) => {
        doc.rect(x, y, widths[i], h).stroke('#888888');
        doc.fillColor('#000000').text(c, x + PAD, y + PAD, { width: widths[i] - 2 * PAD });
        x += widths[i];
      });
      doc.x = left;
      doc.y = y + h;
    };
    if ((table.newPage && n > 0) || doc.y + 60 > bottom()) doc.addPage();
    doc.font('B').fontSize(12).text(table.heading, left, doc.y);
    if (table.note) doc.font('R').fontSize(10).text(table.note, left, doc.y);
    doc.moveDown(0.3);
    drawRow(
      table.columns.map((c) => c.header),
      true,
    );
    for (const r of table.rows) drawRow(r, false);
    doc.moveDown(1);
  });
  doc.end();
  return done;
}

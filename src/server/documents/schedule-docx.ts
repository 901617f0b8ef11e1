// DOCX documents of the schedule: the programme (a table per day) and the attendance list for signatures.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export type DocxTable = {
  heading: string;
  note?: string;
  columns: { header: string; width: number }[];
  rows: string[][];
  newPage?: boolean;
};
export type DocxSpec = {
  title: string;
  subtitle?: string;
  tables: DocxTable[];
  landscape?: boolean;
  rowHeight?: number;
};

const cell = (text: string, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: text
      .split('\n')
      .map(
        (line) => new Paragraph({ children: [new TextRun({ text: line, bold, font: 'PT Sans', size: 20 })] }),
      ),
  });

export function renderTablesDocx(spec: DocxSpec): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(spec.title)],
    }),
  ];
  if (spec.subtitle)
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(spec.subtitle)] }));
  spec.tables.forEach((t, n) => {
    const total = t.columns.reduce((s, c) => s + c.width, 0);
    const pct = t.columns.map((c) => Math.round((c.width / total) * 100));
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        pageBreakBefore: Boolean(t.newPage && n > 0),
        children: [new TextRun(t.heading)],
      }),
    );
    if (t.note) children.push(new Paragraph({ children: [new TextRun(t.note)] }));
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            tableHeader: true,
            children: t.columns.map((c, i) => cell(c.header, pct[i], true)),
          }),
          ...t.rows.map(
            (r) =>
              new TableRow({
                height: spec.rowHeight ? { value: spec.rowHeight, rule: 'atLeast' } : undefined,
                children: r.map((v, i) => cell(v, pct[i])),
              }),
          ),
        ],
      }),
    );
    children.push(new Paragraph(''));
  });
  const doc = new Document({
    creator: 'Rost',
    title: spec.title,
    sections: [
      {
        properties: spec.landscape ? { page: { size: { orientation: PageOrientation.LANDSCAPE } } } : {},
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// Generates an N-row people XLSX (the import template's columns) with exceljs' streaming writer and realistic
// Russian names. Used by the tests and by the import benchmark.
//   npx tsx bench/generate-people.ts OUT.xlsx N [--orgs "МАОУ СОШ № 1;МАОУ СОШ № 2"] [--seed 42]
// Without --orgs the rows point at the demo data's organisations (`rost seed --demo`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { DEMO_ORGANIZATION_SHORT_NAMES } from '../src/server/modules/demo/demo.data.js';
import {
  between,
  pick,
  randomFullName,
  seededRandom,
  translit,
} from '../src/server/modules/demo/demo.names.js';
import { PEOPLE_COLUMNS } from '../src/server/modules/imports/imports.columns.js';
import { CATEGORY_LABELS } from '../src/server/modules/imports/imports.values.js';
import reference from '../src/shared/reference.json';

export type GenerateOptions = {
  organizations?: string[];
  seed?: number;
  /** Row numbers (spreadsheet rows, header = 1) to spoil with a wrong date, for error-path tests. */
  badRows?: number[];
  emailDomain?: string;
};

const CATEGORIES = ['none', 'position_compliance', 'first', 'first', 'highest', 'highest'] as const;

/** Writes the file row by row (the whole workbook is never held in memory). Returns the number of data rows. */
export async function generatePeopleXlsx(file: string, n: number, o: GenerateOptions = {}): Promise<number> {
  const rnd = seededRandom(o.seed ?? 42);
  const orgs = o.organizations?.length ? o.organizations : DEMO_ORGANIZATION_SHORT_NAMES;
  const bad = new Set(o.badRows ?? []);
  const domain = o.emailDomain ?? 'bench.rost.local';
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: true,
  });
  const ws = wb.addWorksheet('Педагоги');
  const columns = PEOPLE_COLUMNS.filter((c) => c.inTemplate);
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: 20 }));
  const year = new Date().getFullYear();
  for (let i = 1; i <= n; i++) {
    const fio = randomFullName(rnd);
    const birthYear = between(rnd, year - 64, year - 23);
    const birth = new Date(Date.UTC(birthYear, between(rnd, 0, 11), between(rnd, 1, 28)));
    const expYear = between(rnd, birthYear + 21, year - 1);
    const exp = new Date(Date.UTC(expYear, 8, 1));
    const category = year - expYear < 3 ? 'none' : pick(rnd, CATEGORIES);
    const position = rnd() < 0.75 ? 'учитель' : pick(rnd, reference.positions.items);
    const subjects =
      position === 'учитель'
        ? [...new Set([pick(rnd, reference.subjects.items), pick(rnd, reference.subjects.items)])].join('; ')
        : '';
    const rowNumber = i + 1;
    const row = ws.addRow({
      surname: fio.surname,
      name: fio.name,
      patronymic: fio.patronymic,
      email: `${translit(fio.surname)}.${translit(fio.name)[0]}${translit(fio.patronymic)[0]}.${i}@${domain}`,
      phone: `+7 (9${between(rnd, 10, 99)}) ${between(rnd, 100, 999)}-${between(rnd, 10, 99)}-${between(rnd, 10, 99)}`,
      birthDate: bad.has(rowNumber) ? '31.02.1980' : birth,
      position,
      subjects,
      experienceStart: exp,
      category: CATEGORY_LABELS[category],
      categoryDate:
        category === 'none'
          ? null
          : new Date(Date.UTC(between(rnd, Math.max(expYear + 2, year - 5), year - 1), 3, 15)),
      organization: orgs[i % orgs.length],
      status: 'работает',
    });
    for (const k of ['birthDate', 'experienceStart', 'categoryDate']) {
      const cell = row.getCell(k);
      if (cell.value instanceof Date) cell.numFmt = 'dd.mm.yyyy';
    }
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return n;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { orgs: { type: 'string' }, seed: { type: 'string' } },
  });
  const [out, count] = positionals;
  const n = Number(count);
  if (!out || !Number.isInteger(n) || n < 1) {
    console.error(
      'Использование: npx tsx bench/generate-people.ts ФАЙЛ.xlsx ЧИСЛО_СТРОК [--orgs "А;Б"] [--seed 42]',
    );
    process.exit(2);
  }
  const started = Date.now();
  await generatePeopleXlsx(path.resolve(out), n, {
    organizations: values.orgs
      ?.split(';')
      .map((s) => s.trim())
      .filter(Boolean),
    seed: values.seed ? Number(values.seed) : undefined,
  });
  console.log(`Создан ${out}: ${n} строк за ${((Date.now() - started) / 1000).toFixed(1)} с`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

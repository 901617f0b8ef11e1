// Baseline: only stream-read an XLSX with exceljs, touching every cell. Prints JSON {rows, ms, maxRssMb}.
import ExcelJS from 'exceljs';

const file = process.argv[2];
const t0 = performance.now();
let rows = 0;
let cells = 0;
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit' });
for await (const ws of reader) {
  for await (const row of ws) {
    rows++;
    row.eachCell(() => {
      cells++;
    });
  }
}
console.log(
  JSON.stringify({
    rows,
    cells,
    ms: performance.now() - t0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePeopleXlsx } from '../../../../bench/generate-people.js';
import { buildOrganization } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { type ImportCounts, runImport } from './imports.processor.js';
import { CLI_ACTOR } from './imports.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await buildOrganization(t, { shortName: 'Школа прогресса' });
});
afterAll(async () => {
  await t.close();
});

describe('X-2 import pipeline', () => {
  it('X-2 progress is reported every ~500 rows with an estimate of the total', async () => {
    const file = path.join(t.dataDir, 'progress.xlsx');
    await generatePeopleXlsx(file, 2500, {
      organizations: ['Школа прогресса'],
      emailDomain: 'progress.example.ru',
    });
    const seen: ImportCounts[] = [];
    const outcome = await runImport({
      ctx: t.ctx,
      actor: CLI_ACTOR,
      auditBy: { userId: null, name: 'тест' },
      kind: 'people',
      file,
      detected: { format: 'xlsx' },
      dryRun: true,
      onProgress: (c) => {
        seen.push(c);
      },
    });
    expect(outcome).toMatchObject({ status: 'done', processed: 2500, created: 2500, errorCount: 0 });
    expect(seen.length).toBeGreaterThanOrEqual(5);
    for (const c of seen) expect(c.total).toBeGreaterThanOrEqual(c.processed);
    expect(seen.at(-1)).toMatchObject({ processed: 2500, total: 2500 });
    // dry run: nothing written
    const r = await t.database.pool.query('select count(*)::int as n from person');
    expect(r.rows[0].n).toBe(0);
  }, 120_000);
});

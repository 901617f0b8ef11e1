#!/usr/bin/env node
// The test command: unit and integration tests (vitest, real PostgreSQL), then browser tests (Playwright).
// Prints one closing line "Tests: N passed, N failed" over both suites.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const env = { ...process.env };
if (env.DATABASE_URL && !env.E2E_DATABASE_URL) env.E2E_DATABASE_URL = env.DATABASE_URL;

const where = env.TEST_DATABASE_URL || env.DATABASE_URL ? 'external PostgreSQL' : 'embedded PostgreSQL';
console.log(`\n▶ Unit and integration tests (vitest, ${where})`);
const vitestJson = path.join(results, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const unit = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  { stdio: 'inherit', env, cwd: root },
);

console.log('\n▶ Browser tests (Playwright, Chromium)');
const e2eJson = path.join(results, 'e2e.json');
fs.rmSync(e2eJson, { force: true });
const e2e = spawnSync('node', ['scripts/e2e.mjs'], {
  stdio: 'inherit',
  env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson },
  cwd: root,
});

let passed = 0;
let failed = 0;
try {
  const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed +=
    (v.numFailedTests ?? 0) + (v.numTotalTestSuites && v.success === false && !v.numFailedTests ? 1 : 0);
} catch {
  failed += 1;
}
try {
  const p = JSON.parse(fs.readFileSync(e2eJson, 'utf8'));
  passed += p.stats?.expected ?? 0;
  failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0);
} catch {
  /* skipped or no report: e2e.mjs's exit code decides */
}
const ok = unit.status === 0 && e2e.status === 0;
if (!ok && failed === 0) failed = 1;
console.log(`\nTests: ${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);

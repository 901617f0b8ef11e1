#!/usr/bin/env node
// Browser tests: runs Playwright with the system Chromium, or says in one line that they were skipped.
// REQUIRE_BROWSER_TESTS=1 turns a missing Chromium into a failure (CI must not skip them silently).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

if (!isExecutable(chromium)) {
  console.log('Browser tests skipped: Chromium not found (install: apt-get install -y chromium)');
  process.exit(process.env.REQUIRE_BROWSER_TESTS === '1' ? 1 : 0);
}

const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
if (result.error) {
  console.error(`Browser tests could not start: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);

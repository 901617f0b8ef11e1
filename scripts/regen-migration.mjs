#!/usr/bin/env node
// Regenerates the migrations written in THIS session (not yet landed on main) as one file.
// Usage: node scripts/regen-migration.mjs <first-unlanded-index> <name>   e.g. 1 events
// Never use it on a migration that has landed: check `git log origin/main -- migrations` first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [fromArg, name] = process.argv.slice(2);
const from = Number(fromArg);
if (!Number.isInteger(from) || from < 1 || !name) {
  console.error('usage: node scripts/regen-migration.mjs <first-unlanded-index> <name>');
  process.exit(2);
}
const dir = path.resolve('migrations');
const journalFile = path.join(dir, 'meta/_journal.json');
const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
for (const e of journal.entries.filter((x) => x.idx >= from)) {
  fs.rmSync(path.join(dir, `${e.tag}.sql`), { force: true });
  fs.rmSync(path.join(dir, 'meta', `${String(e.idx).padStart(4, '0')}_snapshot.json`), { force: true });
}
journal.entries = journal.entries.filter((x) => x.idx < from);
fs.writeFileSync(journalFile, `${JSON.stringify(journal, null, 2)}\n`);
const r = spawnSync('npx', ['drizzle-kit', 'generate', '--name', name], { stdio: 'inherit' });
process.exit(r.status ?? 1);

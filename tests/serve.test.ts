// The server process on the embedded database: start, refuse a second one, recover from a killed one.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, isAlive, readLock } from '../src/server/db/embedded.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rost-serve-'));
const children: ChildProcess[] = [];

function env(port: number) {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    ROST_DATA_DIR: dataDir,
    PORT: String(port),
    ROST_DEMO: '0',
    LOG_LEVEL: 'silent',
  };
  delete e.DATABASE_URL;
  delete e.TEST_DATABASE_URL;
  return e;
}

function start(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'serve'], {
    env: env(port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitHealthy(port: number): Promise<boolean> {
  for (let i = 0; i < 240; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.status === 200) return true;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  const lock = readLock(dataDir);
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && isAlive(pid)) process.kill(pid, 'SIGINT');
  }
  void lock;
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('X-1 one command starts Rost on the embedded database', () => {
  it('X-1 starts, refuses a second server on the same data directory, recovers after a kill, lets the CLI join it, stops on SIGTERM', async () => {
    const port1 = await freePort();
    const first = start(port1);
    expect(await waitHealthy(port1)).toBe(true);
    expect(readLock(dataDir)?.role).toBe('server');

    const second = start(await freePort());
    const code = await second.exited;
    expect(code).toBe(2);
    expect(second.output()).toMatch(/уже используется другим процессом Rost/);

    first.child.kill('SIGKILL'); // leaves a stale lock and an orphaned postgres
    await first.exited;
    const port3 = await freePort();
    const third = start(port3);
    expect(await waitHealthy(port3)).toBe(true);
    expect(third.output()).toMatch(/устаревшая блокировка/);

    // A CLI command joins the running server's embedded database instead of starting its own.
    const cli = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/server/cli.ts',
        'user',
        'add',
        '--email',
        'cli@rost.local',
        '--password',
        'cli-password-1',
        '--name',
        'Через Командную Строку',
        '--role',
        'teacher',
      ],
      { env: env(port3), stdio: 'ignore' },
    );
    expect(await new Promise((r) => cli.on('exit', r))).toBe(0);
    const signIn = await fetch(`http://127.0.0.1:${port3}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://localhost:${port3}` },
      body: JSON.stringify({ email: 'cli@rost.local', password: 'cli-password-1' }),
    });
    expect(signIn.status).toBe(200);

    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    expect(readLock(dataDir)).toBeNull();
  }, 120_000);
});

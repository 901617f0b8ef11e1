// Process helpers for benchmarks: start the real server, poll its health, read RSS from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function benchEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    ROST_DATA_DIR: dataDir,
    ROST_DEMO: '0',
    LOG_LEVEL: 'silent',
    ...extra,
  };
  delete e.DATABASE_URL;
  delete e.TEST_DATABASE_URL;
  return e;
}

export function rost(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export async function waitHealthy(port: number, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('server did not become healthy');
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => child.on('exit', (code) => r(code)));
}

/** Resident set size in MB of a process (VmRSS) or its peak (VmHWM). */
export function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = status.match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** RSS of the embedded postgres: the postmaster and all its children. */
export function postgresRssMb(dataDir: string): number {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return 0;
  const master = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  let total = rssMb(master);
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === master) total += rssMb(Number(d));
    } catch {
      /* gone */
    }
  }
  return total;
}

/** Runs a child to completion, sampling its peak RSS; returns wall time, peak RSS and output. */
export async function measureChild(
  child: ChildProcess,
): Promise<{ ms: number; peakMb: number; code: number | null; out: string }> {
  const t0 = performance.now();
  let peak = 0;
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, rssMb(child.pid, 'VmHWM'));
  }, 50);
  const code = await exited(child);
  clearInterval(timer);
  return { ms: performance.now() - t0, peakMb: peak, code, out };
}

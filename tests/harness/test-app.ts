// Per test file: a fresh database copied from the migrated template, the app built on it, and sign-in helpers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { createContext } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config/config.js';
import { connect, type Database } from '../../src/server/db/db.js';
import type { AppContext } from '../../src/server/platform/context.js';

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  dataDir: string;
  /** Same as app.inject, with the JSON body parsed. */
  call: (
    opts: InjectOptions & { cookie?: string },
  ) => Promise<{ status: number; body: any; headers: any; raw: string }>;
  close: () => Promise<void>;
};

let counter = 0;

/** `overrides` are extra environment variables for loadConfig (e.g. `{ SMTP_URL: 'smtp://127.0.0.1:2525' }`). */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `${template.replace('rost_tpl_', 'rost_t_')}_${process.pid}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const database = connect(u.toString(), 5);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rost-test-data-'));
  const config = loadConfig({
    ROST_DATA_DIR: dataDir,
    ROST_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:3000',
    UPLOAD_MAX_MB: '5',
    ...overrides,
  });
  const ctx = createContext(config, database);
  const app = await buildApp(ctx, { trustProxy: true });
  await app.ready();
  const call: TestApp['call'] = async ({ cookie, ...opts }) => {
    const res = await app.inject({
      ...opts,
      headers: { ...(opts.headers ?? {}), ...(cookie ? { cookie } : {}) },
    } as InjectOptions);
    let body: any = res.body;
    try {
      body = JSON.parse(res.body);
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body, headers: res.headers, raw: res.body };
  };
  return {
    app,
    ctx,
    database,
    dataDir,
    call,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

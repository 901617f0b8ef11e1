// Once per test run: find a PostgreSQL server (TEST_DATABASE_URL, DATABASE_URL, else an embedded one),
// build a migrated template database, and hand its name to the test files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect, runMigrations } from '../../src/server/db/db.js';
import { type EmbeddedHandle, embeddedUrl, startEmbedded } from '../../src/server/db/embedded.js';

let embedded: EmbeddedHandle | undefined;
let tmpDir: string | undefined;
let adminUrl = '';
let template = '';

export async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (external) {
    adminUrl = external;
  } else {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rost-test-pg-'));
    embedded = await startEmbedded(tmpDir, 'server');
    adminUrl = embeddedUrl(embedded.port, 'postgres');
  }
  template = `rost_tpl_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(`create database ${template}`);
  const db = connect(withDb(adminUrl, template), 2);
  try {
    await runMigrations(db);
  } finally {
    await db.close();
  }
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
}

export async function teardown() {
  try {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const r = await c.query('select datname from pg_database where datname like $1 or datname = $2', [
      `${template.replace('rost_tpl_', 'rost_t_')}%`,
      template,
    ]);
    for (const row of r.rows) await c.query(`drop database if exists ${row.datname} with (force)`);
    await c.end();
  } finally {
    await embedded?.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

// The database handle: a node-postgres pool wrapped by drizzle, plus migrations and transactions.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.js';

// DATE columns stay 'YYYY-MM-DD' strings; BIGINT counts become numbers.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = { db: Db; pool: pg.Pool; url: string; close: () => Promise<void> };

export function connect(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {}); // idle client errors (server restart) must not crash the process
  const db = drizzle(pool, { schema });
  return { db, pool, url, close: () => pool.end() };
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_DIR = path.resolve(here, '../../../migrations');

/** Extensions and collations the migrations rely on; idempotent. */
const PRELUDE = `
create extension if not exists pg_trgm;
do $$ begin
  if not exists (select 1 from pg_collation where collname = 'ru_icu') then
    create collation ru_icu (provider = icu, locale = 'ru-RU');
  end if;
end $$;
`;

export async function runMigrations(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock(727274)');
    await client.query(PRELUDE);
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query('select pg_advisory_unlock(727274)').catch(() => {});
    client.release();
  }
}

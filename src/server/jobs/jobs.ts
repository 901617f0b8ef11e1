// Background jobs (pg-boss): started by the server.
import PgBoss from 'pg-boss';
import type { AppContext } from '../platform/context.js';

export async function startJobs(_ctx: AppContext, url: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, max: 4 });
  boss.on('error', () => {});
  await boss.start();
  return boss;
}

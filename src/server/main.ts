// start: config → database → migrate → (demo data) → jobs → listen; stops cleanly on SIGINT/SIGTERM.
import { buildApp } from './app.js';
import { createContext, migrate, openDatabase } from './bootstrap.js';
import type { Config } from './config/config.js';
import { startJobs } from './jobs/jobs.js';
import { isDatabaseEmpty, printDemoAccounts, seedDemo } from './modules/demo/index.js';

export async function serve(config: Config): Promise<void> {
  const log = (m: string) => console.log(m);
  const opened = await openDatabase(config, 'server', log);
  let closing = false;
  const ctx = createContext(config, opened.database);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`Получен ${signal}: останавливаю Rost…`);
    await app?.close().catch(() => {});
    await ctx.boss?.stop({ graceful: false, wait: true }).catch(() => {});
    await opened.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await migrate(opened.database);
    if (opened.embedded && config.demo && (await isDatabaseEmpty(ctx))) {
      log('Пустая база: загружаю демонстрационные данные…');
      await seedDemo(ctx);
      printDemoAccounts(log);
    }
    ctx.boss = await startJobs(ctx, opened.database.url);
    app = await buildApp(ctx, { logger: config.logLevel === 'silent' ? false : { level: config.logLevel } });
    await app.listen({ port: config.port, host: config.host });
    log(`Rost запущен: ${config.publicUrl}`);
  } catch (e) {
    await opened.close();
    throw e;
  }
}

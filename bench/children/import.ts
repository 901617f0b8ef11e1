// The real import of a people file through the same code as `rost import`. Prints JSON {ms, maxRssMb, ok}.
import { createContext, migrate, openDatabase } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config/config.js';
import { importFromCli } from '../../src/server/modules/imports/index.js';

const file = process.argv[2];
const config = loadConfig();
const opened = await openDatabase(config, 'cli');
await migrate(opened.database);
const ctx = createContext(config, opened.database);
const t0 = performance.now();
const ok = await importFromCli(ctx, 'people', file, false);
const ms = performance.now() - t0;
await opened.close();
console.log(JSON.stringify({ ok, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));

// backup: `rost backup FILE` and `rost restore FILE` — every table of the public schema (not the pg-boss queue).
export { backupTo, restoreFrom } from './backup.service.js';

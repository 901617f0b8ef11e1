// imports: people and organisations from XLSX/CSV — templates, browser uploads processed in the background, the CLI.

export type { ImportKind } from './imports.columns.js';
export { importRoutes } from './imports.routes.js';
export { importFromCli, settleImports } from './imports.service.js';
export { innChecksumOk, innWithChecksum } from './imports.values.js';

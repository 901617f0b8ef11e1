import type { AppContext } from '../../platform/context.js';
export async function backupTo(_ctx: AppContext, _file: string, _log: (m: string) => void): Promise<void> {}
export async function restoreFrom(
  _ctx: AppContext,
  _file: string,
  _log: (m: string) => void,
): Promise<void> {}

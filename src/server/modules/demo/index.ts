import type { AppContext } from '../../platform/context.js';
export async function isDatabaseEmpty(_ctx: AppContext): Promise<boolean> {
  return false;
}
export async function seedDemo(_ctx: AppContext): Promise<void> {}
export function printDemoAccounts(_log: (m: string) => void): void {}

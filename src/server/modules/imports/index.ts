export { importRoutes } from './imports.routes.js';
export async function importFromCli(..._a: unknown[]): Promise<boolean> {
  return false;
}

// Test helpers for mail: the newest message to an address, and the token in a link.
import { desc, eq } from 'drizzle-orm';
import { mailMessage } from '../../src/server/platform/platform.tables.js';
import type { TestApp } from '../harness/test-app.js';

export async function latestMailTo(t: TestApp, to: string) {
  const [m] = await t.ctx.db
    .select()
    .from(mailMessage)
    .where(eq(mailMessage.to, to.toLowerCase()))
    .orderBy(desc(mailMessage.createdAt))
    .limit(1);
  return m ?? null;
}

export async function mailsTo(t: TestApp, to: string) {
  return t.ctx.db.select().from(mailMessage).where(eq(mailMessage.to, to.toLowerCase()));
}

/** The `token` query parameter of the first link in `text` that points at `path`. */
export function tokenFrom(text: string, path: string): string {
  const m = new RegExp(`https?://\\S+${path.replace(/[/]/g, '\\/')}\\?token=([\\w%-]+)`).exec(text);
  if (!m) throw new Error(`no ${path} link in: ${text}`);
  return decodeURIComponent(m[1]);
}

/** Polls `check` until it returns a value (not undefined/null/false) or the time runs out. */
export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

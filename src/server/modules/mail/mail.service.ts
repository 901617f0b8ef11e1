// Outgoing mail: a row per message; delivery over SMTP or into data/mail/*.eml (TEMPORARY: inline delivery).
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.js';
import { mailMessage } from '../../platform/platform.tables.js';

export type MailInput = { to: string; subject: string; text: string; html?: string; kind?: string };

export async function queueMail(ctx: AppContext, m: MailInput): Promise<string> {
  const [row] = await ctx.db
    .insert(mailMessage)
    .values({ to: m.to, subject: m.subject, text: m.text, html: m.html, kind: m.kind ?? 'generic' })
    .returning({ id: mailMessage.id });
  const dir = path.join(ctx.config.dataDir, 'mail');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${row.id}.eml`);
  fs.writeFileSync(file, `To: ${m.to}\r\nSubject: ${m.subject}\r\n\r\n${m.text}`);
  await ctx.db
    .update(mailMessage)
    .set({ status: 'sent', emlPath: file, sentAt: new Date(), attempts: 1 })
    .where(eq(mailMessage.id, row.id));
  return row.id;
}

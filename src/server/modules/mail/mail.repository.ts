// Queries on the outgoing mail table (mail_message).
import { and, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/db.js';
import { type MailAttachmentRef, mailMessage } from '../../platform/platform.tables.js';

export type MailStatus = 'queued' | 'sent' | 'failed';
export type MailRow = typeof mailMessage.$inferSelect;

export async function insertMail(
  db: DbOrTx,
  m: {
    to: string;
    subject: string;
    text: string;
    html?: string | null;
    kind: string;
    attachments?: MailAttachmentRef[];
  },
): Promise<string> {
  const [row] = await db
    .insert(mailMessage)
    .values({
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html ?? null,
      kind: m.kind,
      attachments: m.attachments ?? [],
    })
    .returning({ id: mailMessage.id });
  return row.id;
}

export async function findMail(db: DbOrTx, id: string): Promise<MailRow | null> {
  const [row] = await db.select().from(mailMessage).where(eq(mailMessage.id, id)).limit(1);
  return row ?? null;
}

export async function markMailSent(db: DbOrTx, id: string, emlPath: string | null): Promise<void> {
  await db
    .update(mailMessage)
    .set({
      status: 'sent',
      attempts: sql`${mailMessage.attempts} + 1`,
      error: null,
      emlPath,
      sentAt: new Date(),
    })
    .where(eq(mailMessage.id, id));
}

export async function markMailAttemptFailed(
  db: DbOrTx,
  id: string,
  status: Exclude<MailStatus, 'sent'>,
  error: string,
): Promise<void> {
  await db
    .update(mailMessage)
    .set({ status, attempts: sql`${mailMessage.attempts} + 1`, error: error.slice(0, 2000) })
    .where(eq(mailMessage.id, id));
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listOutbox(
  db: DbOrTx,
  f: { status?: MailStatus; q?: string; order: 'asc' | 'desc'; limit: number; offset: number },
) {
  const where: SQL[] = [];
  if (f.status) where.push(eq(mailMessage.status, f.status));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    where.push(or(ilike(mailMessage.to, pattern), ilike(mailMessage.subject, pattern))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const order =
    f.order === 'asc'
      ? [mailMessage.createdAt, mailMessage.id]
      : [desc(mailMessage.createdAt), desc(mailMessage.id)];
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: mailMessage.id,
        to: mailMessage.to,
        subject: mailMessage.subject,
        kind: mailMessage.kind,
        status: mailMessage.status,
        attempts: mailMessage.attempts,
        error: mailMessage.error,
        attachments: mailMessage.attachments,
        createdAt: mailMessage.createdAt,
        sentAt: mailMessage.sentAt,
      })
      .from(mailMessage)
      .where(cond)
      .orderBy(...order)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ total: count() }).from(mailMessage).where(cond),
  ]);
  return { items, total };
}

// Outgoing mail. queueMail() records the message (mail_message, status «queued») and hands it to the
// pg-boss job `mail.send`; the job calls deliverMail(), which sends over SMTP (config.smtpUrl) or, with no
// SMTP configured, writes `<dataDir>/mail/<id>.eml`. Without a job queue (CLI, tests) delivery is inline.
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { CommonErrors } from '../../platform/errors.js';
import { offsetOf } from '../../platform/pagination.js';
import { type MailAttachmentRef, MailAttachmentRefused, resolveAttachments } from './mail.attachments.js';
import { canReadOutbox } from './mail.policy.js';
import {
  findMail,
  insertMail,
  listOutbox,
  type MailRow,
  markMailAttemptFailed,
  markMailSent,
} from './mail.repository.js';
import type { TOutboxItem, TOutboxMessage, TOutboxQuery } from './mail.schemas.js';
import { type OutgoingMail, renderEml, sendSmtp } from './mail.transport.js';

export type MailInput = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind?: string;
  /** files rendered at delivery by a registered provider (registerMailAttachmentProvider) */
  attachments?: MailAttachmentRef[];
};

/** The pg-boss queue that delivers mail, and its retry policy (5 retries with exponential backoff). */
export const MAIL_QUEUE = 'mail.send';
export const MAIL_RETRY = { retryLimit: 5, retryBackoff: true, retryDelay: 30 } as const;
export type MailJob = { id: string };

export class MailDeliveryError extends Error {}

/** Records a message and schedules its delivery; never loses it: with no job queue it is delivered now. */
export async function queueMail(ctx: AppContext, m: MailInput): Promise<string> {
  const id = await insertMail(ctx.db, {
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    kind: m.kind ?? 'generic',
    attachments: m.attachments,
  });
  if (ctx.boss) {
    try {
      await ctx.boss.send(MAIL_QUEUE, { id } satisfies MailJob);
      return id;
    } catch {
      // the queue is unavailable (stopping, not created): fall through and deliver now
    }
  }
  try {
    await deliverMail(ctx, id, { final: true });
  } catch {
    // recorded as «failed» on the row; an admin sees it in the outbox
  }
  return id;
}

/**
 * One delivery attempt. Success: status «sent». Failure: the error is recorded and MailDeliveryError is thrown
 * (so that pg-boss retries); `final` marks the message «failed», otherwise it stays «queued» for the retry.
 * Attachments are rendered here through their providers; an unknown provider or a provider's error is a
 * failed attempt like an SMTP error; a provider's MailAttachmentRefused fails the message for good (no retry).
 */
export async function deliverMail(ctx: AppContext, id: string, opts: { final: boolean }): Promise<void> {
  const row = await findMail(ctx.db, id);
  if (!row || row.status === 'sent') return;
  try {
    const out = { ...row, attachments: await resolveAttachments(ctx, row.attachments) };
    let emlPath: string | null = null;
    if (ctx.config.smtpUrl) await sendSmtp(out, ctx.config, ctx.config.smtpUrl);
    else emlPath = await writeEml(ctx, out);
    await markMailSent(ctx.db, id, emlPath);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof MailAttachmentRefused) {
      // a retry cannot help (the document must not be sent): failed now, and the job ends normally
      await markMailAttemptFailed(ctx.db, id, 'failed', message);
      return;
    }
    await markMailAttemptFailed(ctx.db, id, opts.final ? 'failed' : 'queued', message);
    throw new MailDeliveryError(`Письмо ${id} не отправлено: ${message}`);
  }
}

function emlFileOf(ctx: AppContext, id: string): string {
  return path.join(ctx.config.dataDir, 'mail', `${id}.eml`);
}

async function writeEml(ctx: AppContext, row: OutgoingMail): Promise<string> {
  const file = emlFileOf(ctx, row.id);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, await renderEml(row, ctx.config));
  return file;
}

// ── the outbox (admin) ─────────────────────────────────────────────────────────────────────────────

function toItem(r: {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  error: string | null;
  attachments: MailAttachmentRef[];
  createdAt: Date;
  sentAt: Date | null;
}): TOutboxItem {
  return {
    id: r.id,
    to: r.to,
    subject: r.subject,
    kind: r.kind,
    status: r.status,
    attempts: r.attempts,
    error: r.error,
    attachments: r.attachments.map((a) => a.filename),
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt ? r.sentAt.toISOString() : null,
  };
}

export async function listOutboxMessages(ctx: AppContext, actorIn: Actor | null, q: TOutboxQuery) {
  const actor = requireActor(actorIn);
  if (!canReadOutbox(actor)) forbid();
  const { items, total } = await listOutbox(ctx.db, {
    status: q.status,
    q: q.q || undefined,
    order: q.order,
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  return { items: items.map(toItem), total, page: q.page, pageSize: q.pageSize };
}

async function readableMail(ctx: AppContext, actorIn: Actor | null, id: string): Promise<MailRow> {
  const actor = requireActor(actorIn);
  if (!canReadOutbox(actor)) forbid();
  const row = await findMail(ctx.db, id);
  if (!row) throw CommonErrors.NOT_FOUND();
  return row;
}

export async function getOutboxMessage(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<TOutboxMessage> {
  const row = await readableMail(ctx, actor, id);
  return { ...toItem(row), text: row.text, html: row.html };
}

/**
 * The message as an .eml file: the one written at delivery, or rendered from the row (sent by SMTP, queued),
 * with its attachments as they render now (left out if they no longer render, e.g. a revoked certificate).
 */
export async function getOutboxEml(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<{ fileName: string; content: Buffer }> {
  const row = await readableMail(ctx, actor, id);
  const fileName = `${row.id}.eml`;
  if (row.emlPath) {
    const content = await fs.readFile(row.emlPath).catch(() => null);
    if (content) return { fileName, content };
  }
  const attachments = await resolveAttachments(ctx, row.attachments).catch(() => []);
  return { fileName, content: await renderEml({ ...row, attachments }, ctx.config) };
}

// E-mailing certificates (S0-12) as a background job with progress. Each holder with an e-mail address gets
// one message with their certificate attached as `Сертификат-<number>.pdf` (rendered at delivery by the mail
// attachment provider 'certificate', registered here) and the public verification link.
//
// Progress lives in certificate_mailing (one row per event, the latest run), so it survives a restart and is
// the same for every server process:
// - start: a conditional upsert — a new run replaces the row only if the previous one is finished (done,
//   failed) or stale — so two concurrent starts cannot both win; the loser gets SENDING_IN_PROGRESS;
// - the run is identified by its startedAt: the job claims the row (queued → running) and writes its counters
//   only while the row still carries its startedAt, so a superseded run stops;
// - stale: a run still queued/running STALE_AFTER_MS after it started is taken as interrupted (the server
//   stopped mid-run; the job is not retried). Queuing the messages takes well under a minute even for
//   thousands of certificates (the PDFs are rendered later, by the mail worker), so 30 minutes is safe.
//   The status route shows such a run as failed, and a new start is allowed. Messages already queued by the
//   interrupted run are in the outbox; a restart sends every valid certificate again.
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { verifyUrl } from '../../documents/certificate-pdf.js';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { mailMessage } from '../../platform/platform.tables.js';
import { person } from '../directory/directory.tables.js';
import { MailAttachmentRefused, queueMail, registerMailAttachmentProvider } from '../mail/index.js';
import { CertificateErrors as E } from './certificates.errors.js';
import { canManageEventCertificates } from './certificates.policy.js';
import { findCertificate, findEventWithPlace } from './certificates.repository.js';
import type { TSendStatus } from './certificates.schemas.js';
import { renderOneCertificatePdf } from './certificates.service.js';
import { certificate, certificateMailing } from './certificates.tables.js';

export const CERTIFICATE_SEND_QUEUE = 'certificates.send';
/** The mail attachment provider of certificate PDFs; the ref is the certificate id. */
export const CERTIFICATE_ATTACHMENT = 'certificate';
/** A queued or running mailing with no end this long after its start is taken as interrupted. */
export const STALE_AFTER_MS = 30 * 60 * 1000;
/** Counters are written after every this many certificates (and at the end). */
const PROGRESS_EVERY = 10;

type SendJob = { eventId: string; startedAt: string };
type MailingRow = typeof certificateMailing.$inferSelect;

const workersStarted = new WeakSet<PgBoss>();

export const certificateFileName = (number: string) => `Сертификат-${number}.pdf`;

/**
 * The attachment: the certificate's PDF exactly as GET /api/certificates/{id}/pdf renders it. A certificate
 * revoked after the message was queued is not sent: the message fails at once with the reason (no retry).
 */
export async function certificateAttachment(ctx: AppContext, id: string) {
  const row = await findCertificate(ctx.db, id);
  if (!row) throw new MailAttachmentRefused('сертификат не найден.');
  if (row.revokedAt) throw new MailAttachmentRefused(`сертификат № ${row.number} аннулирован.`);
  return { content: await renderOneCertificatePdf(ctx, row), contentType: 'application/pdf' };
}
registerMailAttachmentProvider(CERTIFICATE_ATTACHMENT, certificateAttachment);

const idle = (): TSendStatus => ({
  status: 'idle',
  total: 0,
  sent: 0,
  skipped: 0,
  failed: 0,
  startedAt: null,
  finishedAt: null,
  message: null,
});

const isActive = (s: MailingRow['status']) => s === 'queued' || s === 'running';
const staleBefore = (now = Date.now()) => new Date(now - STALE_AFTER_MS);

function toStatus(row: MailingRow): TSendStatus {
  const stale = isActive(row.status) && row.startedAt < staleBefore();
  return {
    status: stale ? 'failed' : row.status,
    total: row.total,
    sent: row.sent,
    skipped: row.skipped,
    failed: row.failed,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    message: stale ? 'Рассылка прервалась (нет завершения 30 минут). Запустите её снова.' : row.message,
  };
}

async function managed(ctx: AppContext, actorIn: Actor | null, eventId: string) {
  const actor = requireActor(actorIn);
  const found = await findEventWithPlace(ctx.db, eventId);
  if (!found) throw E.EVENT_NOT_FOUND();
  if (!canManageEventCertificates(actor, found.place)) forbid();
  return { actor, ...found };
}

async function findMailing(ctx: AppContext, eventId: string): Promise<MailingRow | null> {
  const [row] = await ctx.db
    .select()
    .from(certificateMailing)
    .where(eq(certificateMailing.eventId, eventId))
    .limit(1);
  return row ?? null;
}

export async function sendStatus(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
): Promise<TSendStatus> {
  await managed(ctx, actorIn, eventId);
  const row = await findMailing(ctx, eventId);
  return row ? toStatus(row) : idle();
}

/** The rows of this run (the run is known by its startedAt). */
const ofRun = (eventId: string, startedAt: Date) =>
  and(eq(certificateMailing.eventId, eventId), eq(certificateMailing.startedAt, startedAt));

/**
 * The job: one message per valid certificate whose holder has an e-mail address, the PDF attached by
 * reference. Does nothing unless the row is still this run's and queued (a duplicate or superseded job).
 */
export async function runCertificateSending(
  ctx: AppContext,
  eventId: string,
  startedAt: Date,
): Promise<void> {
  const [claimed] = await ctx.db
    .update(certificateMailing)
    .set({ status: 'running' })
    .where(and(ofRun(eventId, startedAt), eq(certificateMailing.status, 'queued')))
    .returning({ eventId: certificateMailing.eventId });
  if (!claimed) return;
  const c = { total: 0, sent: 0, skipped: 0, failed: 0 };
  /** Writes the counters; false when the run has been superseded (a restart after it went stale). */
  const flush = async (): Promise<boolean> => {
    const r = await ctx.db
      .update(certificateMailing)
      .set(c)
      .where(and(ofRun(eventId, startedAt), eq(certificateMailing.status, 'running')))
      .returning({ eventId: certificateMailing.eventId });
    return r.length > 0;
  };
  try {
    const rows = await ctx.db
      .select({
        id: certificate.id,
        number: certificate.number,
        code: certificate.code,
        eventTitle: certificate.eventTitle,
        eventDates: certificate.eventDates,
        email: person.email,
        name: person.name,
        patronymic: person.patronymic,
      })
      .from(certificate)
      .innerJoin(person, eq(person.id, certificate.personId))
      .where(and(eq(certificate.eventId, eventId), isNull(certificate.revokedAt)))
      .orderBy(asc(certificate.year), asc(certificate.seq));
    // a certificate whose message is already queued or sent is not mailed again: pressing «Разослать» after
    // issuing a few more (or after a restart) reaches only those who have not had theirs
    const mailed = await alreadyMailed(ctx, eventId);
    const toSend = rows.filter((r) => !mailed.has(r.id));
    const before = rows.length - toSend.length;
    c.total = toSend.length;
    if (!(await flush())) return;
    let n = 0;
    for (const r of toSend) {
      if (!r.email?.trim()) c.skipped++;
      else {
        try {
          await queueMail(ctx, certificateMail(ctx, { ...r, email: r.email }));
          c.sent++;
        } catch {
          c.failed++;
        }
      }
      if (++n % PROGRESS_EVERY === 0 && !(await flush())) return;
    }
    await ctx.db
      .update(certificateMailing)
      .set({
        ...c,
        status: 'done',
        message: before ? `Уже отправлены ранее и не повторялись: ${before}.` : null,
        finishedAt: new Date(),
      })
      .where(ofRun(eventId, startedAt));
  } catch (e) {
    await ctx.db
      .update(certificateMailing)
      .set({
        ...c,
        status: 'failed',
        message: e instanceof Error ? e.message : String(e),
        finishedAt: new Date(),
      })
      .where(ofRun(eventId, startedAt));
  }
}

/** Certificates of the event that already have a queued or sent message carrying them. */
async function alreadyMailed(ctx: AppContext, eventId: string): Promise<Set<string>> {
  const r = await ctx.db.execute<{ ref: string }>(sql`
    select distinct a->>'ref' as ref
    from ${mailMessage} m, jsonb_array_elements(m.attachments) a
    where m.kind = 'certificate' and m.status <> 'failed' and a->>'provider' = ${CERTIFICATE_ATTACHMENT}
      and a->>'ref' in (select id::text from ${certificate} where event_id = ${eventId})`);
  return new Set(r.rows.map((x) => x.ref));
}

function certificateMail(
  ctx: AppContext,
  r: {
    id: string;
    number: string;
    code: string;
    eventTitle: string;
    eventDates: string;
    email: string;
    name: string;
    patronymic: string | null;
  },
) {
  const base = ctx.config.publicUrl;
  return {
    to: r.email,
    subject: `Сертификат № ${r.number} — ${r.eventTitle}`,
    text: [
      `Здравствуйте, ${[r.name, r.patronymic].filter(Boolean).join(' ')}!`,
      '',
      `Вам выдан сертификат № ${r.number} участника мероприятия «${r.eventTitle}» (${r.eventDates}).`,
      'Сертификат (PDF) приложен к письму.',
      `Проверить подлинность: ${verifyUrl(base, r.code)}`,
      `Скачать ещё раз (после входа в «Рост»): ${base}/api/certificates/${r.id}/pdf`,
    ].join('\n'),
    kind: 'certificate',
    attachments: [{ provider: CERTIFICATE_ATTACHMENT, ref: r.id, filename: certificateFileName(r.number) }],
  };
}

async function ensureWorker(ctx: AppContext, boss: PgBoss): Promise<void> {
  if (workersStarted.has(boss)) return;
  workersStarted.add(boss);
  try {
    await boss.createQueue(CERTIFICATE_SEND_QUEUE);
    await boss.work<SendJob>(
      CERTIFICATE_SEND_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: 0.5 },
      async ([job]) => {
        await runCertificateSending(ctx, job.data.eventId, new Date(job.data.startedAt));
      },
    );
  } catch (e) {
    workersStarted.delete(boss);
    throw e;
  }
}

/**
 * Starts a mailing: records it (refused with SENDING_IN_PROGRESS while another is queued or running and not
 * stale), audits the start, and queues the job (pg-boss when the server runs jobs, else runs it now).
 */
export async function startCertificateSending(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
): Promise<TSendStatus> {
  const { actor } = await managed(ctx, actorIn, eventId);
  // millisecond precision, so that the value read back from PostgreSQL equals this one (the run's identity)
  const startedAt = new Date();
  const fresh = {
    status: 'queued' as const,
    total: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    message: null,
    startedBy: actor.userId,
    startedAt,
    finishedAt: null,
  };
  const row = await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(certificateMailing)
      .values({ eventId, ...fresh })
      .onConflictDoUpdate({
        target: certificateMailing.eventId,
        set: fresh,
        setWhere: or(
          sql`${certificateMailing.status} not in ('queued', 'running')`,
          lt(certificateMailing.startedAt, staleBefore(startedAt.getTime())),
        ),
      })
      .returning();
    if (!r) throw E.SENDING_IN_PROGRESS();
    await audit(tx, actor, 'create', 'certificate_mailing', eventId, null, {
      status: 'queued',
      startedAt: startedAt.toISOString(),
    });
    return r;
  });
  if (ctx.boss) {
    try {
      await ensureWorker(ctx, ctx.boss);
      await ctx.boss.send(
        CERTIFICATE_SEND_QUEUE,
        { eventId, startedAt: startedAt.toISOString() } satisfies SendJob,
        // an interrupted run is not retried blindly (it would send twice); it goes stale and may be restarted
        { retryLimit: 0 },
      );
      return toStatus(row);
    } catch {
      // the queue is unavailable: send now
    }
  }
  await runCertificateSending(ctx, eventId, startedAt);
  return toStatus((await findMailing(ctx, eventId)) ?? row);
}

// E-mailing certificates (S0-12) as a background job with progress. queueMail has no attachments, so each
// holder receives a link to download their PDF (after signing in) and the public verification link.
// Progress lives in this process (the server runs one process); the outbox keeps every message.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { verifyUrl } from '../../documents/certificate-pdf.js';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { person } from '../directory/directory.tables.js';
import { queueMail } from '../mail/index.js';
import { CertificateErrors as E } from './certificates.errors.js';
import { canManageEventCertificates } from './certificates.policy.js';
import { findEventWithPlace } from './certificates.repository.js';
import type { TSendStatus } from './certificates.schemas.js';
import { certificate } from './certificates.tables.js';

export const CERTIFICATE_SEND_QUEUE = 'certificates.send';
type SendJob = { eventId: string };

const statuses = new Map<string, TSendStatus>();
const workersStarted = new WeakSet<PgBoss>();

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

async function managed(ctx: AppContext, actorIn: Actor | null, eventId: string) {
  const actor = requireActor(actorIn);
  const found = await findEventWithPlace(ctx.db, eventId);
  if (!found) throw E.EVENT_NOT_FOUND();
  if (!canManageEventCertificates(actor, found.place)) forbid();
  return found;
}

export async function sendStatus(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
): Promise<TSendStatus> {
  await managed(ctx, actorIn, eventId);
  return statuses.get(eventId) ?? idle();
}

/** The job: one message per valid certificate whose holder has an e-mail address. */
export async function runCertificateSending(ctx: AppContext, eventId: string): Promise<void> {
  const st: TSendStatus = {
    ...(statuses.get(eventId) ?? idle()),
    status: 'running',
    sent: 0,
    skipped: 0,
    failed: 0,
  };
  st.startedAt ??= new Date().toISOString();
  statuses.set(eventId, st);
  try {
    const rows = await ctx.db
      .select({
        id: certificate.id,
        number: certificate.number,
        code: certificate.code,
        holderName: certificate.holderName,
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
    st.total = rows.length;
    for (const r of rows) {
      if (!r.email) {
        st.skipped++;
        continue;
      }
      try {
        const base = ctx.config.publicUrl;
        await queueMail(ctx, {
          to: r.email,
          subject: `Сертификат № ${r.number} — ${r.eventTitle}`,
          text: [
            `Здравствуйте, ${[r.name, r.patronymic].filter(Boolean).join(' ')}!`,
            '',
            `Вам выдан сертификат № ${r.number} участника мероприятия «${r.eventTitle}» (${r.eventDates}).`,
            `Скачать сертификат (PDF, после входа в «Рост»): ${base}/api/certificates/${r.id}/pdf`,
            `Проверить подлинность: ${verifyUrl(base, r.code)}`,
          ].join('\n'),
          kind: 'certificate',
        });
        st.sent++;
      } catch {
        st.failed++;
      }
    }
    st.status = 'done';
    st.message = null;
  } catch (e) {
    st.status = 'failed';
    st.message = e instanceof Error ? e.message : String(e);
  } finally {
    st.finishedAt = new Date().toISOString();
  }
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
        await runCertificateSending(ctx, job.data.eventId);
      },
    );
  } catch (e) {
    workersStarted.delete(boss);
    throw e;
  }
}

/** Queues the sending (pg-boss when the server runs jobs, else right now) and returns the progress. */
export async function startCertificateSending(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
): Promise<TSendStatus> {
  await managed(ctx, actorIn, eventId);
  const current = statuses.get(eventId);
  if (current && (current.status === 'queued' || current.status === 'running')) throw E.SENDING_IN_PROGRESS();
  statuses.set(eventId, { ...idle(), status: 'queued', startedAt: new Date().toISOString() });
  if (ctx.boss) {
    try {
      await ensureWorker(ctx, ctx.boss);
      await ctx.boss.send(CERTIFICATE_SEND_QUEUE, { eventId } satisfies SendJob);
      return statuses.get(eventId)!;
    } catch {
      // the queue is unavailable: send now
    }
  }
  await runCertificateSending(ctx, eventId);
  return statuses.get(eventId)!;
}

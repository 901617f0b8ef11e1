// Background jobs (pg-boss, queues in PostgreSQL under the schema `pgboss`). The server starts them once;
// one-shot CLI commands do not, and then mail is delivered inline (see modules/mail).
//
// Queues and their workers:
//   mail.send — delivers one mail_message row (SMTP or .eml); 5 retries with exponential backoff.
//   reminders.deadlines — hourly (pg-boss schedule, in the centre's zone ROST_TIME_ZONE): deadline reminders, each sent once.
// A worker only calls a module service; the rules live there.
import PgBoss from 'pg-boss';
import { REMINDERS_CRON, REMINDERS_QUEUE, runDeadlineReminders } from '../modules/events/index.js';
import { deliverMail, MAIL_QUEUE, MAIL_RETRY, type MailJob } from '../modules/mail/index.js';
import type { AppContext } from '../platform/context.js';

export type JobsOptions = {
  /** Base delay of the mail retries in seconds (backoff doubles it); tests make it short. */
  mailRetryDelaySeconds?: number;
  /** How often idle workers look for new jobs (pg-boss minimum 0.5 s). */
  pollingIntervalSeconds?: number;
  log?: (message: string) => void;
};

/** Starts pg-boss on `url`, creates the queues and registers the workers. Stop with stopJobs(). */
export async function startJobs(ctx: AppContext, url: string, opts: JobsOptions = {}): Promise<PgBoss> {
  const log = opts.log ?? ((m: string) => console.error(m));
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4, application_name: 'rost-jobs' });
  boss.on('error', (e: Error) => log(`Фоновые задачи: ${e.message}`));
  await boss.start();

  const mailPolicy = { ...MAIL_RETRY, retryDelay: opts.mailRetryDelaySeconds ?? MAIL_RETRY.retryDelay };
  await boss.createQueue(MAIL_QUEUE, { name: MAIL_QUEUE, ...mailPolicy });
  await boss.updateQueue(MAIL_QUEUE, { name: MAIL_QUEUE, ...mailPolicy });
  await boss.work<MailJob>(
    MAIL_QUEUE,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 },
    async ([job]) => {
      // throwing makes pg-boss retry; the last attempt marks the message «failed»
      await deliverMail(ctx, job.data.id, { final: job.retryCount >= job.retryLimit });
    },
  );

  // a missed hour is caught up by the next one, so a failed run is not retried
  await boss.createQueue(REMINDERS_QUEUE, { name: REMINDERS_QUEUE, retryLimit: 0, policy: 'singleton' });
  await boss.work(REMINDERS_QUEUE, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 }, async () => {
    await runDeadlineReminders(ctx, new Date());
  });
  await boss.schedule(REMINDERS_QUEUE, REMINDERS_CRON, undefined, { tz: ctx.config.timeZone });
  return boss;
}

/** Stops the workers (waiting up to `timeoutMs` for running jobs) and closes pg-boss's connections. */
export async function stopJobs(boss: PgBoss, timeoutMs = 10_000): Promise<void> {
  await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}

// E-mailing certificates through the pg-boss worker: progress persisted in certificate_mailing and polled from
// send-status, one start at a time, the PDF attached by reference (rendered at delivery into the .eml file).
import fs from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, signInAs } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { attachmentsOf, parseEml, waitFor } from '../../../../tests/mail/mail-helpers.js';
import { startJobs, stopJobs } from '../../jobs/jobs.js';
import { auditEntry, mailMessage } from '../../platform/platform.tables.js';
import { queueMail } from '../mail/index.js';
import { STALE_AFTER_MS } from './certificates.mail.js';
import { certificate, certificateMailing } from './certificates.tables.js';
import { buildActivity, buildEvent, pdfText } from './certificates.test-helpers.js';

let t: TestApp;
let boss: Awaited<ReturnType<typeof startJobs>>;
let admin: Awaited<ReturnType<typeof signInAs>>;
let teacher: Awaited<ReturnType<typeof signInAs>>;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  boss = await startJobs(t.ctx, t.database.url, { pollingIntervalSeconds: 0.5, log: () => {} });
  t.ctx.boss = boss;
  admin = await signInAs(t, 'admin');
  teacher = await signInAs(t, 'teacher');
});
afterAll(async () => {
  if (boss) await stopJobs(boss);
  await t?.close();
});

/** An event with certificates issued to `withMail` people with an address and `withoutMail` without one. */
async function eventWithCertificates(withMail: number, withoutMail: number) {
  const ev = await buildEvent(t);
  const people = await Promise.all(Array.from({ length: withMail }, () => buildPerson(t)));
  const noMail = await Promise.all(
    Array.from({ length: withoutMail }, () => buildPerson(t, { email: null })),
  );
  await buildActivity(t, ev.id, { listenerIds: [...people, ...noMail].map((p) => p.id) });
  const issued = await t.call({
    method: 'POST',
    url: `/api/events/${ev.id}/certificates`,
    cookie: admin.cookie,
    payload: { to: 'attended' },
  });
  expect(issued.body.issued).toBe(withMail + withoutMail);
  return { ev, people, noMail };
}

const statusOf = async (eventId: string) =>
  (
    await t.call({
      method: 'GET',
      url: `/api/events/${eventId}/certificates/send-status`,
      cookie: admin.cookie,
    })
  ).body;

const start = (eventId: string, cookie = admin.cookie) =>
  t.call({ method: 'POST', url: `/api/events/${eventId}/certificates/send`, cookie });

describe('S0-12 certificates by e-mail as a background job', () => {
  it('S0-12 X-1 send and send-status: anonymous 401, teacher 403, bad id 400, unknown event 404', async () => {
    const { ev } = await eventWithCertificates(1, 0);
    for (const [method, suffix] of [
      ['POST', 'send'],
      ['GET', 'send-status'],
    ] as const) {
      const url = (id: string) => `/api/events/${id}/certificates/${suffix}`;
      expect((await t.call({ method, url: url(ev.id) })).status).toBe(401);
      expect((await t.call({ method, url: url(ev.id), cookie: teacher.cookie })).status).toBe(403);
      expect((await t.call({ method, url: url('xyz'), cookie: admin.cookie })).status).toBe(400);
      const r = await t.call({ method, url: url(UNKNOWN), cookie: admin.cookie });
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('EVENT_NOT_FOUND');
    }
    expect(await statusOf(ev.id)).toMatchObject({ status: 'idle', total: 0, sent: 0, startedAt: null });
  });

  it('S0-12 the job runs in pg-boss, progress is persisted and readable until done, holders without e-mail are skipped, each message carries its PDF', async () => {
    const { ev, people, noMail } = await eventWithCertificates(3, 1);
    const res = await start(ev.id);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'queued', total: 0, sent: 0, finishedAt: null });
    expect(res.body.startedAt).not.toBeNull();

    const status = await waitFor(async () => {
      const s = await statusOf(ev.id);
      return s.status === 'done' ? s : null;
    });
    expect(status).toMatchObject({ status: 'done', total: 4, sent: 3, skipped: 1, failed: 0, message: null });
    expect(status.finishedAt).not.toBeNull();

    // persisted in certificate_mailing, with who started it, and the start audited
    const [row] = await t.ctx.db
      .select()
      .from(certificateMailing)
      .where(eq(certificateMailing.eventId, ev.id));
    expect(row).toMatchObject({
      status: 'done',
      total: 4,
      sent: 3,
      skipped: 1,
      failed: 0,
      startedBy: admin.userId,
    });
    const audits = await t.ctx.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entity, 'certificate_mailing'), eq(auditEntry.entityId, ev.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'create', actorUserId: admin.userId });

    // one message per holder with an address, the certificate attached by reference
    const certs = await t.ctx.db.select().from(certificate).where(eq(certificate.eventId, ev.id));
    const certOf = new Map(certs.map((c) => [c.personId, c]));
    const emails = people.map((p) => p.email!);
    const mails = await waitFor(async () => {
      const ms = await t.ctx.db.select().from(mailMessage).where(inArray(mailMessage.to, emails));
      return ms.length === 3 && ms.every((m) => m.status === 'sent') ? ms : null;
    });
    for (const p of people) {
      const cert = certOf.get(p.id)!;
      const m = mails.find((x) => x.to === p.email)!;
      expect(m.kind).toBe('certificate');
      expect(m.attachments).toEqual([
        { provider: 'certificate', ref: cert.id, filename: `Сертификат-${cert.number}.pdf` },
      ]);
      expect(m.text).toContain('Сертификат (PDF) приложен к письму.');
      expect(m.text).toContain(`/verify/${cert.code}`);
      // without SMTP the message is an .eml file; its attachment is the certificate's PDF
      const raw = fs.readFileSync(m.emlPath!);
      expect(parseEml(raw).headers.subject).toBe(`Сертификат № ${cert.number} — ${cert.eventTitle}`);
      const [file] = attachmentsOf(raw);
      expect(file).toMatchObject({
        filename: `Сертификат-${cert.number}.pdf`,
        contentType: 'application/pdf',
      });
      expect(file.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfText(file.content)).toContain(cert.number);
    }
    const noMailCert = certOf.get(noMail[0].id)!;
    const all = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.kind, 'certificate'));
    expect(all.some((m) => m.attachments.some((a) => a.ref === noMailCert.id))).toBe(false);

    // the outbox names the attachment
    const outbox = await t.call({
      method: 'GET',
      url: `/api/outbox?q=${encodeURIComponent(people[0].email!)}`,
      cookie: admin.cookie,
    });
    expect(outbox.body.items[0].attachments).toEqual([`Сертификат-${certOf.get(people[0].id)!.number}.pdf`]);

    // a finished mailing may be started again
    expect((await start(ev.id)).status).toBe(202);
    await waitFor(async () => (await statusOf(ev.id)).status === 'done');
  });

  it('S0-12 sending again mails only certificates without a message yet (e.g. issued since), not everyone twice', async () => {
    const { ev, people } = await eventWithCertificates(2, 0);
    await start(ev.id);
    await waitFor(async () => ((await statusOf(ev.id)).status === 'done' ? true : null));
    const emails = people.map((p) => p.email!);
    const count = async () =>
      (await t.ctx.db.select().from(mailMessage).where(inArray(mailMessage.to, emails))).length;
    expect(await count()).toBe(2);

    // one more listener gets a certificate; «Разослать» again reaches only them
    const late = await buildPerson(t);
    await buildActivity(t, ev.id, { listenerIds: [late.id] });
    await t.call({
      method: 'POST',
      url: `/api/events/${ev.id}/certificates`,
      cookie: admin.cookie,
      payload: { to: 'attended' },
    });
    expect((await start(ev.id)).status).toBe(202);
    const second = await waitFor(async () => {
      const s = await statusOf(ev.id);
      return s.status === 'done' ? s : null;
    });
    expect(second).toMatchObject({ total: 1, sent: 1, message: 'Уже отправлены ранее и не повторялись: 2.' });
    expect(await count()).toBe(2);
    expect((await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.to, late.email!))).length).toBe(1);
  });

  it('S0-12 a second start is refused while a mailing is queued or running, also when two starts race', async () => {
    const { ev } = await eventWithCertificates(1, 0);
    const [a, b] = await Promise.all([start(ev.id), start(ev.id)]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.error.code).toBe('SENDING_IN_PROGRESS');
    expect(refused.body.error.message).toBe('Рассылка сертификатов этого мероприятия уже идёт.');
    await waitFor(async () => (await statusOf(ev.id)).status === 'done');

    // a run in progress (as another server process would leave it) refuses a start and is shown as running
    await t.ctx.db
      .update(certificateMailing)
      .set({ status: 'running', total: 5, sent: 2, finishedAt: null, startedAt: new Date() })
      .where(eq(certificateMailing.eventId, ev.id));
    expect(await statusOf(ev.id)).toMatchObject({ status: 'running', total: 5, sent: 2 });
    const again = await start(ev.id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SENDING_IN_PROGRESS');
  });

  it('S0-12 a run left running by a restart goes stale after 30 minutes: shown as failed, and may be restarted', async () => {
    const { ev } = await eventWithCertificates(2, 0);
    await t.ctx.db.insert(certificateMailing).values({
      eventId: ev.id,
      status: 'running',
      total: 2,
      sent: 1,
      startedAt: new Date(Date.now() - STALE_AFTER_MS - 60_000),
    });
    const stale = await statusOf(ev.id);
    expect(stale).toMatchObject({ status: 'failed', total: 2, sent: 1 });
    expect(stale.message).toContain('Рассылка прервалась');
    const res = await start(ev.id);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'queued', sent: 0 });
    expect(
      await waitFor(async () => {
        const s = await statusOf(ev.id);
        return s.status === 'done' ? s : null;
      }),
    ).toMatchObject({ total: 2, sent: 2, failed: 0 });
  });

  it('S0-12 a certificate revoked after its message was queued is not sent: the message fails at once with the reason', async () => {
    const { ev, people } = await eventWithCertificates(1, 0);
    const [cert] = await t.ctx.db.select().from(certificate).where(eq(certificate.eventId, ev.id));
    const revoked = await t.call({
      method: 'POST',
      url: `/api/certificates/${cert.id}/revoke`,
      cookie: admin.cookie,
      payload: { reason: 'Ошибка в данных' },
    });
    expect(revoked.status).toBe(200);
    // the message as the send job queued it before the revocation
    const id = await queueMail(t.ctx, {
      to: people[0].email!,
      subject: `Сертификат № ${cert.number}`,
      text: 'Сертификат приложен.',
      kind: 'certificate',
      attachments: [{ provider: 'certificate', ref: cert.id, filename: `Сертификат-${cert.number}.pdf` }],
    });
    const row = await waitFor(async () => {
      const [m] = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, id));
      return m?.status === 'failed' ? m : null;
    });
    expect(row.attempts).toBe(1);
    expect(row.emlPath).toBeNull();
    expect(row.error).toBe(
      `Вложение «Сертификат-${cert.number}.pdf» не отправляется: сертификат № ${cert.number} аннулирован.`,
    );
    // and a new mailing leaves the revoked certificate out
    expect((await start(ev.id)).status).toBe(202);
    expect(
      await waitFor(async () => {
        const s = await statusOf(ev.id);
        return s.status === 'done' ? s : null;
      }),
    ).toMatchObject({ total: 0, sent: 0 });
  });
});

// E-mail over a real SMTP server (smtp-server) delivered by the pg-boss worker, with retries.

import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs, stopJobs } from '../../src/server/jobs/jobs.js';
import {
  buildActivity,
  buildEvent,
  pdfText,
} from '../../src/server/modules/certificates/certificates.test-helpers.js';
import { certificate } from '../../src/server/modules/certificates/index.js';
import {
  MailAttachmentRefused,
  queueMail,
  registerMailAttachmentProvider,
} from '../../src/server/modules/mail/index.js';
import { mailMessage } from '../../src/server/platform/platform.tables.js';
import { buildOrganization, buildPerson, signIn, signInAs } from '../harness/factories.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';
import { attachmentsOf, parseEml, tokenFrom, waitFor } from './mail-helpers.js';

type Received = { from: string; to: string[]; raw: string };

let smtp: SMTPServer;
let port = 0;
const received: Received[] = [];
/** How many of the next messages the server refuses with a temporary error (451). */
let refuseNext = 0;

let t: TestApp;
let boss: Awaited<ReturnType<typeof startJobs>>;
let admin: Awaited<ReturnType<typeof signInAs>>;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuseNext > 0) {
          refuseNext--;
          const err = Object.assign(new Error('Попробуйте позже'), { responseCode: 451 });
          return callback(err);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  port = (smtp.server.address() as AddressInfo).port;

  t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Рост <rost@school.example>' });
  boss = await startJobs(t.ctx, t.database.url, {
    mailRetryDelaySeconds: 1,
    pollingIntervalSeconds: 0.5,
    log: () => {},
  });
  t.ctx.boss = boss;
  admin = await signInAs(t, 'admin', {}, { name: 'Ирина Админова' });
});

afterAll(async () => {
  await stopJobs(boss);
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const receivedBy = (to: string) => received.find((m) => m.to.includes(to));

describe('X-4 e-mail over SMTP as a background job', () => {
  it('X-4 an invitation is queued, delivered by the pg-boss worker over SMTP, and the link works', async () => {
    const org = await buildOrganization(t);
    const email = 'smtp-invitee@example.ru';
    const r = await t.call({
      method: 'POST',
      url: '/api/invitations',
      payload: {
        email,
        name: 'Семён Почтовый',
        grants: [{ role: 'teacher', scopeType: 'organization', scopeId: org.id }],
      },
      cookie: admin.cookie,
    });
    expect(r.status).toBe(201);

    const msg = await waitFor(() => receivedBy(email));
    expect(msg.from).toBe('rost@school.example');
    const eml = parseEml(msg.raw);
    expect(eml.headers.subject).toBe('Приглашение в «Рост»');
    expect(eml.headers.to).toBe(email);
    expect(eml.text).toContain('Здравствуйте, Семён Почтовый!');
    expect(eml.text).toContain('Ирина Админова приглашает вас');
    expect(eml.text).toContain('http://localhost:3000/invite/accept?token=');

    const row = await waitFor(async () => {
      const [m] = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.to, email));
      return m?.status === 'sent' ? m : null;
    });
    expect(row).toMatchObject({ attempts: 1, error: null, emlPath: null, kind: 'invitation' });
    expect(eml.headers['message-id']).toBe(`<${row.id}@school.example>`);

    // the outbox lists it and renders its .eml from the stored row
    const outbox = await t.call({ method: 'GET', url: '/api/outbox?q=smtp-invitee', cookie: admin.cookie });
    expect(outbox.body.items).toEqual([expect.objectContaining({ id: row.id, status: 'sent' })]);
    const file = await t.call({ method: 'GET', url: `/api/outbox/${row.id}/eml`, cookie: admin.cookie });
    expect(parseEml(file.raw).headers['message-id']).toBe(`<${row.id}@school.example>`);

    // the invitee follows the link from the received mail
    const token = tokenFrom(eml.text, '/invite/accept');
    const set = await t.call({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, newPassword: 'pochta-parol-1' },
      headers: { 'x-forwarded-for': '10.66.0.1' },
    });
    expect(set.status).toBe(200);
    const cookie = await signIn(t, email, 'pochta-parol-1');
    expect((await t.call({ method: 'GET', url: '/api/me', cookie })).body.email).toBe(email);
  });

  it('X-4 a temporary SMTP failure is retried by the job and the message is sent on the next attempt', async () => {
    refuseNext = 1;
    const email = 'retry@example.ru';
    const id = await queueMail(t.ctx, {
      to: email,
      subject: 'Проверка повтора',
      text: 'Текст',
      kind: 'test',
    });
    const [queued] = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, id));
    expect(queued.status).not.toBe('failed');
    const msg = await waitFor(() => receivedBy(email), 20_000);
    expect(parseEml(msg.raw).headers.subject).toBe('Проверка повтора');
    const row = await waitFor(async () => {
      const [m] = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, id));
      return m?.status === 'sent' ? m : null;
    });
    expect(row.attempts).toBe(2);
    expect(row.error).toBeNull();
  });
});

/** A tiny PDF for the test provider: the ref goes into its text, so each attachment is recognisable. */
const tinyPdf = (ref: string) => Buffer.from(`%PDF-1.4\n% ${ref}\n%%EOF\n`, 'latin1');
registerMailAttachmentProvider('test-pdf', async (_ctx, ref) => {
  if (ref === 'broken') throw new Error('документ не найден');
  if (ref === 'withdrawn') throw new MailAttachmentRefused('документ отозван');
  return { content: tinyPdf(ref), contentType: 'application/pdf' };
});

describe('X-4 attachments by reference', () => {
  it('X-4 an attachment is rendered by its provider at delivery and arrives over SMTP as a PDF', async () => {
    const email = 'attach@example.ru';
    const id = await queueMail(t.ctx, {
      to: email,
      subject: 'Документ во вложении',
      text: 'Документ приложен к письму.',
      kind: 'test',
      attachments: [{ provider: 'test-pdf', ref: 'doc-1', filename: 'Сертификат-2026-000001.pdf' }],
    });
    const [queued] = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, id));
    expect(queued.attachments).toEqual([
      { provider: 'test-pdf', ref: 'doc-1', filename: 'Сертификат-2026-000001.pdf' },
    ]);
    const msg = await waitFor(() => receivedBy(email));
    expect(parseEml(msg.raw).text).toContain('Документ приложен к письму.');
    expect(msg.raw).toMatch(/multipart\/mixed/);
    const files = attachmentsOf(msg.raw);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      filename: 'Сертификат-2026-000001.pdf',
      contentType: 'application/pdf',
    });
    expect(files[0].content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(files[0].content.toString('latin1')).toContain('doc-1');

    // the outbox names the attachment and its .eml (rendered from the row) carries it too
    await waitFor(async () => {
      const [m] = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, id));
      return m?.status === 'sent';
    });
    const outbox = await t.call({ method: 'GET', url: '/api/outbox?q=attach@', cookie: admin.cookie });
    expect(outbox.body.items[0]).toMatchObject({ id, attachments: ['Сертификат-2026-000001.pdf'] });
    const file = await t.call({ method: 'GET', url: `/api/outbox/${id}/eml`, cookie: admin.cookie });
    expect(attachmentsOf(file.raw).map((a) => a.filename)).toEqual(['Сертификат-2026-000001.pdf']);
  });

  it('X-4 an unknown attachment provider fails the attempt with the error recorded, and the retry sends it', async () => {
    const email = 'late-provider@example.ru';
    const id = await queueMail(t.ctx, {
      to: email,
      subject: 'Поздний источник',
      text: 'Текст',
      kind: 'test',
      attachments: [{ provider: 'test-late', ref: 'x', filename: 'Справка.pdf' }],
    });
    const failedOnce = await waitFor(async () => {
      const [m] = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, id));
      return m && m.attempts >= 1 ? m : null;
    });
    expect(failedOnce.status).toBe('queued');
    expect(failedOnce.error).toContain('Вложение «Справка.pdf»: неизвестный источник «test-late»');
    expect(receivedBy(email)).toBeUndefined();

    registerMailAttachmentProvider('test-late', async () => ({
      content: tinyPdf('late'),
      contentType: 'application/pdf',
    }));
    const msg = await waitFor(() => receivedBy(email), 20_000);
    expect(attachmentsOf(msg.raw).map((a) => a.filename)).toEqual(['Справка.pdf']);
    const row = await waitFor(async () => {
      const [m] = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, id));
      return m?.status === 'sent' ? m : null;
    });
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect(row.error).toBeNull();
  });
});

describe('X-4 S0-12 certificates over SMTP', () => {
  it('X-4 S0-12 a certificate e-mailed by the send job arrives over SMTP with its PDF attached', async () => {
    const ev = await buildEvent(t, { title: 'Августовская конференция' });
    const holder = await buildPerson(t, {
      email: 'cert-holder@example.ru',
      name: 'Ольга',
      patronymic: 'Ивановна',
    });
    await buildActivity(t, ev.id, { listenerIds: [holder.id] });
    const issued = await t.call({
      method: 'POST',
      url: `/api/events/${ev.id}/certificates`,
      cookie: admin.cookie,
      payload: { to: 'attended' },
    });
    expect(issued.body.issued).toBe(1);
    const [cert] = await t.ctx.db.select().from(certificate).where(eq(certificate.eventId, ev.id));
    const res = await t.call({
      method: 'POST',
      url: `/api/events/${ev.id}/certificates/send`,
      cookie: admin.cookie,
    });
    expect(res.status).toBe(202);

    const msg = await waitFor(() => receivedBy('cert-holder@example.ru'), 20_000);
    const eml = parseEml(msg.raw);
    expect(eml.headers.subject).toBe(`Сертификат № ${cert.number} — Августовская конференция`);
    expect(eml.text).toContain('Здравствуйте, Ольга Ивановна!');
    expect(eml.text).toContain(`/verify/${cert.code}`);
    const files = attachmentsOf(msg.raw);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      filename: `Сертификат-${cert.number}.pdf`,
      contentType: 'application/pdf',
    });
    expect(files[0].content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(files[0].content);
    expect(text).toContain(cert.number);
    expect(text).toContain('Августовская конференция');
  });
});

describe('X-4 attachments refused by their provider', () => {
  it('X-4 a provider that refuses the document fails the message at once, without retries', async () => {
    const email = 'withdrawn@example.ru';
    const id = await queueMail(t.ctx, {
      to: email,
      subject: 'Отозванный документ',
      text: 'Текст',
      kind: 'test',
      attachments: [{ provider: 'test-pdf', ref: 'withdrawn', filename: 'Отозван.pdf' }],
    });
    const row = await waitFor(async () => {
      const [m] = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, id));
      return m?.status === 'failed' ? m : null;
    });
    expect(row.attempts).toBe(1);
    expect(row.error).toBe('Вложение «Отозван.pdf» не отправляется: документ отозван');
    expect(receivedBy(email)).toBeUndefined();
  });
});

describe('X-4 e-mail without a job queue', () => {
  it('X-4 without SMTP the .eml file carries the attachment; a provider error fails the message', async () => {
    const t4 = await createTestApp();
    try {
      const okId = await queueMail(t4.ctx, {
        to: 'eml-attach@example.ru',
        subject: 'С вложением',
        text: 'Текст',
        attachments: [{ provider: 'test-pdf', ref: 'eml-doc', filename: 'Документ.pdf' }],
      });
      const [ok] = await t4.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, okId));
      expect(ok.status).toBe('sent');
      const files = attachmentsOf(fs.readFileSync(ok.emlPath!));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatchObject({ filename: 'Документ.pdf', contentType: 'application/pdf' });
      expect(files[0].content.toString('latin1')).toMatch(/^%PDF-[\s\S]*eml-doc/);

      const badId = await queueMail(t4.ctx, {
        to: 'eml-broken@example.ru',
        subject: 'Сломанное вложение',
        text: 'Текст',
        attachments: [{ provider: 'test-pdf', ref: 'broken', filename: 'Сломан.pdf' }],
      });
      const [bad] = await t4.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, badId));
      expect(bad).toMatchObject({ status: 'failed', attempts: 1, emlPath: null });
      expect(bad.error).toContain('Вложение «Сломан.pdf» не подготовлено: документ не найден');
    } finally {
      await t4.close();
    }
  });

  it('X-4 with SMTP unreachable and no queue, the message is kept as failed with the error (nothing lost)', async () => {
    const t2 = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const id = await queueMail(t2.ctx, { to: 'x@example.ru', subject: 'Тема', text: 'Текст' });
      const [row] = await t2.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, id));
      expect(row.status).toBe('failed');
      expect(row.attempts).toBe(1);
      expect(row.error).toMatch(/ECONNREFUSED|connect/i);
      const admin2 = await signInAs(t2, 'admin');
      const list = await t2.call({ method: 'GET', url: '/api/outbox?status=failed', cookie: admin2.cookie });
      expect(list.body.items[0]).toMatchObject({ id, status: 'failed', attempts: 1 });
    } finally {
      await t2.close();
    }
  });

  it('X-4 without SMTP and with the job queue running, the worker writes the .eml file', async () => {
    const t3 = await createTestApp();
    const boss3 = await startJobs(t3.ctx, t3.database.url, { pollingIntervalSeconds: 0.5, log: () => {} });
    t3.ctx.boss = boss3;
    try {
      const id = await queueMail(t3.ctx, { to: 'eml@example.ru', subject: 'Файлом', text: 'Письмо в файл' });
      const row = await waitFor(async () => {
        const [m] = await t3.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, id));
        return m?.status === 'sent' ? m : null;
      });
      expect(row.emlPath).toBe(path.join(t3.dataDir, 'mail', `${id}.eml`));
      const admin3 = await signInAs(t3, 'admin');
      const list = await t3.call({ method: 'GET', url: '/api/outbox', cookie: admin3.cookie });
      expect(list.body.items.map((m: any) => m.id)).toContain(id);
    } finally {
      await stopJobs(boss3);
      await t3.close();
    }
  });
});

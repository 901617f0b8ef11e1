import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { parseEml } from '../../../../tests/mail/mail-helpers.js';
import { mailMessage } from '../../platform/platform.tables.js';
import { queueMail } from './mail.service.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signInAs>>;
let methodologist: Awaited<ReturnType<typeof signInAs>>;
let teacher: Awaited<ReturnType<typeof signInAs>>;
let firstId: string;
let secondId: string;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, 'admin');
  methodologist = await signInAs(t, 'methodologist');
  teacher = await signInAs(t, 'teacher');
  firstId = await queueMail(t.ctx, {
    to: 'anna@example.ru',
    subject: 'Напоминание о заседании',
    text: 'Здравствуйте, Анна!\n\nЗаседание РМО — 15.10.2026 в 14:00.\nhttp://localhost:3000/events/1',
    kind: 'reminder',
  });
  await new Promise((r) => setTimeout(r, 5));
  secondId = await queueMail(t.ctx, {
    to: 'boris@example.ru',
    subject: 'Приглашение в «Рост»',
    text: 'Здравствуйте, Борис!',
    html: '<p>Здравствуйте, <b>Борис</b>!</p>',
    kind: 'invitation',
  });
});
afterAll(async () => {
  await t.close();
});

describe('X-4 mail without SMTP: .eml files in dataDir/mail', () => {
  it('X-4 a queued message is written as an RFC 822 .eml file and marked sent', async () => {
    const [row] = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, firstId));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, error: null });
    expect(row.sentAt).not.toBeNull();
    expect(row.emlPath).toBe(path.join(t.dataDir, 'mail', `${firstId}.eml`));
    const raw = fs.readFileSync(row.emlPath!, 'utf8');
    expect(raw).toContain('\r\n');
    const eml = parseEml(raw);
    expect(eml.headers.subject).toBe('Напоминание о заседании');
    expect(eml.headers.to).toBe('anna@example.ru');
    expect(eml.headers.from).toContain('no-reply@rost.local');
    expect(eml.headers['message-id']).toBe(`<${firstId}@rost.local>`);
    expect(eml.text).toContain('Заседание РМО — 15.10.2026 в 14:00.');
  });

  it('X-4 a message with HTML keeps a plain-text part', async () => {
    const [row] = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, secondId));
    const raw = fs.readFileSync(row.emlPath!, 'utf8');
    expect(raw).toMatch(/multipart\/alternative/);
    expect(parseEml(raw).text).toBe('Здравствуйте, Борис!');
  });
});

describe('X-4 GET /api/outbox', () => {
  it('X-1 X-8 anonymous 401; methodologist and teacher 403; bad query 400', async () => {
    expect((await t.call({ method: 'GET', url: '/api/outbox' })).status).toBe(401);
    expect((await t.call({ method: 'GET', url: '/api/outbox', cookie: methodologist.cookie })).status).toBe(
      403,
    );
    expect((await t.call({ method: 'GET', url: '/api/outbox', cookie: teacher.cookie })).status).toBe(403);
    expect(
      (await t.call({ method: 'GET', url: '/api/outbox?status=lost', cookie: admin.cookie })).status,
    ).toBe(400);
  });

  it('X-4 admin lists messages newest first, filters by status and searches recipient and subject', async () => {
    const r = await t.call({ method: 'GET', url: '/api/outbox', cookie: admin.cookie });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 2, page: 1 });
    expect(r.body.items.map((m: any) => m.id)).toEqual([secondId, firstId]);
    expect(r.body.items[1]).toMatchObject({
      to: 'anna@example.ru',
      subject: 'Напоминание о заседании',
      kind: 'reminder',
      status: 'sent',
      attempts: 1,
      error: null,
      attachments: [],
    });
    expect(r.body.items[1].text).toBeUndefined();
    const asc = await t.call({ method: 'GET', url: '/api/outbox?order=asc', cookie: admin.cookie });
    expect(asc.body.items[0].id).toBe(firstId);
    const bySubject = await t.call({
      method: 'GET',
      url: `/api/outbox?q=${encodeURIComponent('приглашение')}`,
      cookie: admin.cookie,
    });
    expect(bySubject.body.items.map((m: any) => m.id)).toEqual([secondId]);
    const byTo = await t.call({ method: 'GET', url: '/api/outbox?q=anna@', cookie: admin.cookie });
    expect(byTo.body.items.map((m: any) => m.id)).toEqual([firstId]);
    const failed = await t.call({ method: 'GET', url: '/api/outbox?status=failed', cookie: admin.cookie });
    expect(failed.body.total).toBe(0);
    const paged = await t.call({ method: 'GET', url: '/api/outbox?pageSize=1&page=2', cookie: admin.cookie });
    expect(paged.body.items.map((m: any) => m.id)).toEqual([firstId]);
  });
});

describe('X-4 GET /api/outbox/:id and /eml', () => {
  it('X-1 X-8 anonymous 401, teacher 403, bad id 400, unknown 404', async () => {
    for (const suffix of ['', '/eml']) {
      expect((await t.call({ method: 'GET', url: `/api/outbox/${firstId}${suffix}` })).status).toBe(401);
      expect(
        (await t.call({ method: 'GET', url: `/api/outbox/${firstId}${suffix}`, cookie: teacher.cookie }))
          .status,
      ).toBe(403);
      expect(
        (await t.call({ method: 'GET', url: `/api/outbox/xyz${suffix}`, cookie: admin.cookie })).status,
      ).toBe(400);
      const r = await t.call({ method: 'GET', url: `/api/outbox/${UNKNOWN}${suffix}`, cookie: admin.cookie });
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('X-4 admin reads one message with its text', async () => {
    const r = await t.call({ method: 'GET', url: `/api/outbox/${secondId}`, cookie: admin.cookie });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: secondId,
      text: 'Здравствуйте, Борис!',
      html: '<p>Здравствуйте, <b>Борис</b>!</p>',
      status: 'sent',
    });
  });

  it('X-4 admin downloads the .eml file', async () => {
    const r = await t.call({ method: 'GET', url: `/api/outbox/${firstId}/eml`, cookie: admin.cookie });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^message\/rfc822/);
    expect(r.headers['content-disposition']).toBe(`attachment; filename="${firstId}.eml"`);
    const [row] = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, firstId));
    expect(r.raw).toBe(fs.readFileSync(row.emlPath!, 'utf8'));
  });

  it('X-4 without a file on disk the .eml is rendered from the stored message', async () => {
    const [row] = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.id, secondId));
    fs.rmSync(row.emlPath!);
    const r = await t.call({ method: 'GET', url: `/api/outbox/${secondId}/eml`, cookie: admin.cookie });
    expect(r.status).toBe(200);
    const eml = parseEml(r.raw);
    expect(eml.headers.subject).toBe('Приглашение в «Рост»');
    expect(eml.headers['message-id']).toBe(`<${secondId}@rost.local>`);
    expect(eml.text).toBe('Здравствуйте, Борис!');
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { mailMessage } from '../../platform/platform.tables.js';
import { notify } from './notifications.service.js';
import { notification } from './notifications.tables.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('notifications', () => {
  it('X-4 notify() writes one row per user and queues an e-mail copy with the full link', async () => {
    const a = await signInAs(t, 'teacher');
    const b = await signInAs(t, 'teacher');
    const n = await t.ctx.db.transaction((tx) =>
      notify(t.ctx, tx, {
        userIds: [a.userId, b.userId, a.userId],
        kind: 'test_kind',
        title: 'Заголовок',
        body: 'Текст',
        link: '/events/1',
      }),
    );
    expect(n).toBe(2);
    const mails = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.kind, 'test_kind'));
    expect(mails.map((m) => m.to).sort()).toEqual([a.email, b.email].sort());
    expect(mails[0].text).toContain('http://localhost:3000/events/1');
    expect(mails[0].subject).toBe('Заголовок');
  });

  it('X-4 notify() with a dedupe key notifies and mails each user once, however often it is called', async () => {
    const a = await signInAs(t, 'teacher');
    const b = await signInAs(t, 'teacher');
    const send = (userIds: string[]) =>
      notify(t.ctx, t.ctx.db, { userIds, kind: 'dedupe_kind', title: 'Напоминание', dedupeKey: 'k:1' });
    expect(await send([a.userId])).toBe(1);
    expect(await send([a.userId, b.userId])).toBe(1);
    expect(await send([a.userId, b.userId])).toBe(0);
    const rows = await t.ctx.db.select().from(notification).where(eq(notification.kind, 'dedupe_kind'));
    expect(rows.map((r) => r.userId).sort()).toEqual([a.userId, b.userId].sort());
    const mails = await t.ctx.db.select().from(mailMessage).where(eq(mailMessage.kind, 'dedupe_kind'));
    expect(mails.map((m) => m.to).sort()).toEqual([a.email, b.email].sort());
  });

  it('X-4 X-1 a user lists only their own notices, marks one read, the unread count drops; 401/404/400', async () => {
    const a = await signInAs(t, 'teacher');
    const b = await signInAs(t, 'teacher');
    await t.ctx.db.transaction(async (tx) => {
      await notify(t.ctx, tx, { userIds: [a.userId], kind: 'k', title: 'Первое', email: false });
      await notify(t.ctx, tx, { userIds: [a.userId], kind: 'k', title: 'Второе', email: false });
      await notify(t.ctx, tx, { userIds: [b.userId], kind: 'k', title: 'Чужое', email: false });
    });
    expect((await t.call({ method: 'GET', url: '/api/notifications' })).status).toBe(401);
    expect((await t.call({ method: 'GET', url: '/api/notifications/unread-count' })).status).toBe(401);
    const list = await t.call({ method: 'GET', url: '/api/notifications', cookie: a.cookie });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.unreadCount).toBe(2);
    expect(list.body.items.map((n: any) => n.title).sort()).toEqual(['Второе', 'Первое']);
    const id = list.body.items[0].id;
    expect((await t.call({ method: 'POST', url: `/api/notifications/${id}/read` })).status).toBe(401);
    expect(
      (await t.call({ method: 'POST', url: `/api/notifications/${id}/read`, cookie: b.cookie })).status,
    ).toBe(404);
    expect(
      (await t.call({ method: 'POST', url: `/api/notifications/${UNKNOWN_ID}/read`, cookie: a.cookie }))
        .status,
    ).toBe(404);
    expect(
      (await t.call({ method: 'POST', url: '/api/notifications/nope/read', cookie: a.cookie })).status,
    ).toBe(400);
    expect(
      (await t.call({ method: 'POST', url: `/api/notifications/${id}/read`, cookie: a.cookie })).status,
    ).toBe(200);
    const count = await t.call({ method: 'GET', url: '/api/notifications/unread-count', cookie: a.cookie });
    expect(count.body).toEqual({ count: 1 });
    const unread = await t.call({
      method: 'GET',
      url: '/api/notifications?unreadOnly=true',
      cookie: a.cookie,
    });
    expect(unread.body.total).toBe(1);
    expect(
      (await t.call({ method: 'POST', url: '/api/notifications/read-all', cookie: a.cookie })).status,
    ).toBe(200);
    expect(
      (await t.call({ method: 'GET', url: '/api/notifications/unread-count', cookie: a.cookie })).body,
    ).toEqual({ count: 0 });
    expect(
      (await t.call({ method: 'GET', url: '/api/notifications/unread-count', cookie: b.cookie })).body,
    ).toEqual({ count: 1 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, signInAs } from '../../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { certificate } from '../../certificates/certificates.tables.js';
import {
  addPresenter,
  addStaff,
  buildActivity,
  buildEvent,
  buildForm,
  participant,
  register,
} from '../feedback/feedback.test-helpers.js';
import { listEvidence } from './portfolio.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('portfolio', () => {
  it('S0-14 evidence comes from presenting, attending, registrations, staff duties and certificates', async () => {
    const me = await participant(t);
    const e1 = await buildEvent(t, {
      title: 'Педагогическая сессия',
      startDate: '2026-08-25',
      endDate: '2026-08-26',
    });
    const e2 = await buildEvent(t, { title: 'Конференция', startDate: '2026-10-01', endDate: '2026-10-01' });
    const form = await buildForm(t, { title: 'Мастер-класс' });
    const a1 = await buildActivity(t, e1.id, {
      title: 'МК',
      topic: 'Функциональная грамотность',
      formId: form.id,
    });
    const a2 = await buildActivity(t, e1.id, { title: 'Открытый урок' });
    const a3 = await buildActivity(t, e2.id, {
      title: 'Секция',
      startsAt: new Date('2026-10-01T07:00:00Z'),
      endsAt: new Date('2026-10-01T08:00:00Z'),
    });
    await addPresenter(t, a1.id, me.person.id);
    await register(t, a2.id, me.person.id, true);
    await register(t, a3.id, me.person.id, false);
    await addStaff(t, e2.id, me.person.id);
    await t.ctx.db.insert(certificate).values({
      year: 2026,
      seq: 1,
      number: '2026-000001',
      code: 'abc123',
      personId: me.person.id,
      eventId: e1.id,
      activityId: a1.id,
      role: 'presenter',
      holderName: 'Иванова Мария Петровна',
      holderNameDative: 'Ивановой Марии Петровне',
      eventTitle: e1.title,
      eventDates: '25–26.08.2026',
    });
    const items = await listEvidence(t.ctx.db, me.person.id);
    expect(items.map((i) => [i.role, i.title, i.confirmed])).toEqual([
      ['listener', 'Конференция', false],
      ['staff', 'Конференция', true],
      ['presenter', 'Педагогическая сессия', true],
      ['listener', 'Педагогическая сессия', true],
    ]);
    const presented = items.find((i) => i.role === 'presenter')!;
    expect(presented).toMatchObject({
      form: 'Мастер-класс',
      topic: 'Функциональная грамотность',
      certificateNumber: '2026-000001',
      certificateId: expect.any(String),
      certificateCode: 'abc123',
      date: '2026-08-25',
      link: `/events/${e1.id}`,
    });
  });

  it('S0-14 X-1 the person, methodologists in scope and the head see it; others 403; 401; 404', async () => {
    const me = await participant(t);
    const url = `/api/people/${me.person.id}/portfolio`;
    expect((await t.call({ url })).status).toBe(401);
    const own = await t.call({ url, cookie: me.cookie });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ total: 0, items: [] });
    const stranger = await participant(t);
    expect((await t.call({ url, cookie: stranger.cookie })).status).toBe(403);
    const head = await signInAs(t, 'organization_head', {
      scopeType: 'organization',
      scopeId: me.person.organizationId,
    });
    expect((await t.call({ url, cookie: head.cookie })).status).toBe(200);
    const otherHead = await signInAs(t, 'organization_head', {
      scopeType: 'organization',
      scopeId: (await buildPerson(t)).organizationId,
    });
    expect((await t.call({ url, cookie: otherHead.cookie })).status).toBe(403);
    const admin = await signInAs(t, 'admin');
    expect(
      (
        await t.call({
          url: '/api/people/00000000-0000-4000-8000-000000000000/portfolio',
          cookie: admin.cookie,
        })
      ).status,
    ).toBe(404);
    expect((await t.call({ url: `${url}?pageSize=0`, cookie: admin.cookie })).status).toBe(400);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { downloadXlsx } from '../../directory/directory.test-helpers.js';
import { ensureDefaultForms } from './feedback.service.js';
import {
  addPresenter,
  buildActivity,
  buildForm,
  eventWithManager,
  participant,
  register,
} from './feedback.test-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const NO_ID = '00000000-0000-4000-8000-000000000000';

describe('feedback', () => {
  it('S0-7 default templates are created once and carry the three criteria', async () => {
    const a = await ensureDefaultForms(t.ctx.db);
    const b = await ensureDefaultForms(t.ctx.db);
    expect(a.activity.id).toBe(b.activity.id);
    expect(a.activity.criteria.map((c) => c.label)).toEqual([
      'Качество проведения',
      'Соответствие заявленной теме',
      'Практическая направленность',
    ]);
    expect(a.event.scope).toBe('event');
  });

  it('S0-7 X-1 managers edit the event copy; others 401/403; bad body 400; unknown event 404', async () => {
    const { event, manager } = await eventWithManager(t);
    const url = `/api/events/${event.id}/feedback/forms`;
    const get = await t.call({ url, cookie: manager.cookie });
    expect(get.status).toBe(200);
    expect(get.body.activity.isDefault).toBe(true);
    const body = {
      activity: {
        title: 'Анкета семинара',
        criteria: [
          { key: 'quality', label: 'Качество проведения', min: 1, max: 5 },
          { key: 'novelty', label: 'Новизна', min: 1, max: 5 },
        ],
        askComment: false,
      },
    };
    expect((await t.call({ method: 'PUT', url, payload: body })).status).toBe(401);
    const teacher = await signInAs(t, 'teacher');
    expect((await t.call({ method: 'PUT', url, payload: body, cookie: teacher.cookie })).status).toBe(403);
    const dup = {
      activity: { ...body.activity, criteria: [body.activity.criteria[0], body.activity.criteria[0]] },
    };
    expect((await t.call({ method: 'PUT', url, payload: dup, cookie: manager.cookie })).status).toBe(400);
    expect(
      (
        await t.call({
          method: 'PUT',
          url: `/api/events/${NO_ID}/feedback/forms`,
          payload: body,
          cookie: manager.cookie,
        })
      ).status,
    ).toBe(404);
    const put = await t.call({ method: 'PUT', url, payload: body, cookie: manager.cookie });
    expect(put.status).toBe(200);
    expect(put.body.activity).toMatchObject({
      isDefault: false,
      title: 'Анкета семинара',
      askComment: false,
    });
    expect(put.body.event.isDefault).toBe(true);
    // the default template itself is untouched
    const other = await eventWithManager(t);
    const def = await t.call({
      url: `/api/events/${other.event.id}/feedback/forms`,
      cookie: other.manager.cookie,
    });
    expect(def.body.activity.criteria).toHaveLength(3);
  });

  it('S0-7 one response per person per activity; scores validated; non-participants refused', async () => {
    const { event } = await eventWithManager(t);
    const a = await buildActivity(t, event.id);
    const p = await participant(t);
    await register(t, a.id, p.person.id, false);
    const url = `/api/events/${event.id}/feedback`;
    const scores = { quality: 5, relevance: 4, practical: 5 };
    expect((await t.call({ method: 'POST', url, payload: { activityId: a.id, scores } })).status).toBe(401);
    const stranger = await participant(t);
    const refused = await t.call({
      method: 'POST',
      url,
      payload: { activityId: a.id, scores },
      cookie: stranger.cookie,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FEEDBACK_NOT_PARTICIPANT');
    for (const bad of [
      { quality: 6, relevance: 4, practical: 5 },
      { quality: 5, relevance: 4 },
      { ...scores, extra: 3 },
    ]) {
      const r = await t.call({
        method: 'POST',
        url,
        payload: { activityId: a.id, scores: bad },
        cookie: p.cookie,
      });
      expect(r.status).toBe(400);
    }
    expect(
      (await t.call({ method: 'POST', url, payload: { activityId: NO_ID, scores }, cookie: p.cookie }))
        .status,
    ).toBe(404);
    const ok = await t.call({
      method: 'POST',
      url,
      payload: { activityId: a.id, scores, comment: 'Полезно' },
      cookie: p.cookie,
    });
    expect(ok.status).toBe(201);
    const again = await t.call({
      method: 'POST',
      url,
      payload: { activityId: a.id, scores },
      cookie: p.cookie,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('FEEDBACK_ALREADY_GIVEN');
    // the event as a whole is answered separately, once
    const ev = { organization: 5, usefulness: 5, overall: 4 };
    expect((await t.call({ method: 'POST', url, payload: { scores: ev }, cookie: p.cookie })).status).toBe(
      201,
    );
    expect((await t.call({ method: 'POST', url, payload: { scores: ev }, cookie: p.cookie })).status).toBe(
      409,
    );
    const ctxRes = await t.call({
      url: `/api/events/${event.id}/feedback/give?activityId=${a.id}`,
      cookie: p.cookie,
    });
    expect(ctxRes.body).toMatchObject({ canGive: true, alreadyGiven: true });
    expect(ctxRes.body.myActivities).toEqual([{ id: a.id, title: a.title, given: true }]);
  });

  it('S0-7 X-6 results: means, distributions, response rate by activity, presenter and form; missing; XLSX', async () => {
    const { event, manager } = await eventWithManager(t);
    const form = await buildForm(t, { title: 'Открытый урок' });
    const a1 = await buildActivity(t, event.id, { title: 'Урок А', formId: form.id });
    const a2 = await buildActivity(t, event.id, { title: 'Урок Б' });
    const presenter = await participant(t);
    await addPresenter(t, a1.id, presenter.person.id);
    await addPresenter(t, a2.id, presenter.person.id);
    const people = [await participant(t), await participant(t), await participant(t), await participant(t)];
    for (const p of people) await register(t, a1.id, p.person.id);
    const url = `/api/events/${event.id}/feedback`;
    const give = (p: (typeof people)[number], q: number) =>
      t.call({
        method: 'POST',
        url,
        payload: { activityId: a1.id, scores: { quality: q, relevance: 5, practical: 3 } },
        cookie: p.cookie,
      });
    expect((await give(people[0]!, 5)).status).toBe(201);
    expect((await give(people[1]!, 4)).status).toBe(201);
    expect((await give(people[2]!, 4)).status).toBe(201);

    const resultsUrl = `/api/events/${event.id}/feedback/results`;
    expect((await t.call({ url: resultsUrl })).status).toBe(401);
    expect((await t.call({ url: resultsUrl, cookie: people[0]!.cookie })).status).toBe(403);
    expect((await t.call({ url: `${resultsUrl}?by=nonsense`, cookie: manager.cookie })).status).toBe(400);
    expect(
      (await t.call({ url: `/api/events/${NO_ID}/feedback/results`, cookie: manager.cookie })).status,
    ).toBe(404);

    const res = await t.call({ url: `${resultsUrl}?by=activity`, cookie: manager.cookie });
    expect(res.status).toBe(200);
    const g1 = res.body.groups.find((g: { key: string }) => g.key === a1.id);
    expect(g1).toMatchObject({ label: 'Урок А', responses: 3, attendees: 4, responseRate: 0.75 });
    const quality = g1.criteria.find((c: { key: string }) => c.key === 'quality');
    expect(quality.mean).toBe(4.33);
    expect(quality.distribution).toEqual([0, 0, 0, 2, 1]);
    expect(g1.criteria.find((c: { key: string }) => c.key === 'practical').mean).toBe(3);
    const g2 = res.body.groups.find((g: { key: string }) => g.key === a2.id);
    expect(g2).toMatchObject({ responses: 0, attendees: 0, responseRate: null });

    const byPresenter = await t.call({ url: `${resultsUrl}?by=presenter`, cookie: manager.cookie });
    expect(byPresenter.body.groups).toHaveLength(1);
    expect(byPresenter.body.groups[0]).toMatchObject({
      key: presenter.person.id,
      responses: 3,
      attendees: 4,
    });
    const byForm = await t.call({ url: `${resultsUrl}?by=form`, cookie: manager.cookie });
    expect(byForm.body.groups.map((g: { label: string }) => g.label).sort()).toEqual([
      'Без формы',
      'Открытый урок',
    ]);

    const missing = await t.call({
      url: `/api/events/${event.id}/feedback/missing?activityId=${a1.id}`,
      cookie: manager.cookie,
    });
    expect(missing.status).toBe(200);
    expect(missing.body.total).toBe(1);
    expect(missing.body.items[0].personId).toBe(people[3]!.person.id);
    expect(
      (
        await t.call({
          url: `/api/events/${event.id}/feedback/missing?activityId=${NO_ID}`,
          cookie: manager.cookie,
        })
      ).status,
    ).toBe(404);

    const xlsx = await t.app.inject({
      url: `${resultsUrl}.xlsx?by=activity`,
      headers: { cookie: manager.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(3).value).toBe('Средний балл');
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push(r.values as unknown[]));
    expect(rows.some((r) => r[1] === 'Урок А' && r[2] === 'Качество проведения' && r[3] === 4.33)).toBe(true);

    // who has not answered, as XLSX (to remind them); the same access as the list
    const missingUrl = `/api/events/${event.id}/feedback/missing.xlsx?activityId=${a1.id}`;
    expect((await downloadXlsx(t, missingUrl)).status).toBe(401);
    expect((await downloadXlsx(t, missingUrl, people[3]!.cookie)).status).toBe(403);
    const m = await downloadXlsx(t, missingUrl, manager.cookie);
    expect(m.status).toBe(200);
    expect(m.sheetName).toBe('Не ответили');
    expect(m.header).toEqual(['ФИО', 'Организация', 'E-mail']);
    expect(m.rows).toHaveLength(1);
    expect(m.rows[0]![0]).toBe(missing.body.items[0].fullName);
  });
});

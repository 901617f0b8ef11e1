// Activity-form catalogue (S0-10), municipal events (S4-2) and the events list as XLSX.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { downloadXlsx } from '../directory/directory.test-helpers.js';
import {
  buildEventWorld,
  daysFromNow,
  type EventWorld,
  eventBody,
  UNKNOWN_ID,
} from './events.test-helpers.js';

let t: TestApp;
let w: EventWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildEventWorld(t);
});
afterAll(async () => {
  await t.close();
});

const create = (o: Record<string, unknown> = {}, cookie = w.methodologist.cookie) =>
  t.call({ method: 'POST', url: '/api/events', payload: eventBody(w, o), cookie });

describe('/api/activity-forms', () => {
  it('S0-10 X-1 the catalogue lists the forms of the source document; open lesson asks grade and subject; admins extend it', async () => {
    expect((await t.call({ method: 'GET', url: '/api/activity-forms' })).status).toBe(401);
    const r = await t.call({ method: 'GET', url: '/api/activity-forms', cookie: w.teacher.cookie });
    expect(r.status).toBe(200);
    expect(r.body.items.map((f: any) => f.code)).toEqual([
      'master_class',
      'creative_report',
      'targeted_training',
      'business_game',
      'project_defence',
      'open_lesson',
      'open_extracurricular_event',
      'seminar',
      'workshop',
      'other',
      'talk',
      'students_seminar',
    ]);
    const openLesson = r.body.items.find((f: any) => f.code === 'open_lesson');
    expect(openLesson.fields.map((f: any) => f.key)).toEqual(['grade', 'subject']);
    const payload = {
      code: 'quest',
      title: 'Квест',
      fields: [{ key: 'age', label: 'Возраст', type: 'number' }],
    };
    expect((await t.call({ method: 'POST', url: '/api/activity-forms', payload })).status).toBe(401);
    expect(
      (await t.call({ method: 'POST', url: '/api/activity-forms', payload, cookie: w.methodologist.cookie }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.call({
          method: 'POST',
          url: '/api/activity-forms',
          payload: { code: 'Bad Code' },
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(400);
    const c = await t.call({ method: 'POST', url: '/api/activity-forms', payload, cookie: w.admin.cookie });
    expect(c.status).toBe(201);
    expect(
      (await t.call({ method: 'POST', url: '/api/activity-forms', payload, cookie: w.admin.cookie })).status,
    ).toBe(409);
    const p = await t.call({
      method: 'PATCH',
      url: `/api/activity-forms/${c.body.id}`,
      payload: { active: false },
      cookie: w.admin.cookie,
    });
    expect(p.body.active).toBe(false);
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/api/activity-forms/${UNKNOWN_ID}`,
          payload: { active: false },
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(404);
    const all = await t.call({
      method: 'GET',
      url: '/api/activity-forms?includeInactive=true&pageSize=200',
      cookie: w.admin.cookie,
    });
    expect(all.body.items.map((f: any) => f.code)).toEqual(expect.arrayContaining(['round_table', 'quest']));
  });
});

describe('municipal events («Школа профессионального роста»)', () => {
  it('S4-2 a one-day municipal event is not held to the 2–6 day rule and takes talks and seminars for students', async () => {
    const c = await create({
      kind: 'municipal_event',
      title: 'Школа профессионального роста: подготовка к ОГЭ',
      startDate: daysFromNow(30),
      endDate: daysFromNow(30),
    });
    expect(c.status).toBe(201);
    expect(c.body.kind).toBe('municipal_event');
    const forms = await t.call({ method: 'GET', url: '/api/activity-forms', cookie: w.teacher.cookie });
    const byCode = new Map(forms.body.items.map((f: any) => [f.code, f.title]));
    for (const code of [
      'creative_report',
      'open_lesson',
      'talk',
      'master_class',
      'seminar',
      'students_seminar',
    ])
      expect(byCode.has(code)).toBe(true);
    expect(byCode.get('students_seminar')).toBe(
      'Семинар для обучающихся (подготовка к экзаменам и олимпиадам)',
    );
    expect(byCode.get('talk')).toBe('Выступление');
  });
});

describe('GET /api/events/export.xlsx', () => {
  it('X-6 X-1 exports the filtered list; 401 anonymous; 400 bad filter', async () => {
    await create({ kind: 'seminar', title: 'Семинар 2031', startDate: '2031-10-01', endDate: '2031-10-01' });
    expect((await downloadXlsx(t, '/api/events/export.xlsx')).status).toBe(401);
    expect((await downloadXlsx(t, '/api/events/export.xlsx?year=2031', w.admin.cookie)).status).toBe(400);
    const x = await downloadXlsx(t, '/api/events/export.xlsx?year=2031/2032', w.methodologist.cookie);
    expect(x.status).toBe(200);
    expect(x.rows.map((r) => [r[2], r[3], r[7]])).toEqual([['Семинар 2031', 'Семинар', 'Черновик']]);
    const teacher = await downloadXlsx(t, '/api/events/export.xlsx?year=2031/2032', w.teacher.cookie);
    expect(teacher.rows).toEqual([]);
  });
});

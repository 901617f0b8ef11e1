import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { downloadXlsx } from '../../directory/directory.test-helpers.js';
import {
  at,
  buildScheduleWorld,
  buildTeacher,
  publishedActivity,
  type ScheduleWorld,
  UNKNOWN_ID,
} from './schedule.test-helpers.js';

let t: TestApp;
let w: ScheduleWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildScheduleWorld(t);
});
afterAll(async () => {
  await t.close();
});

const D = '2026-08-25';
const setup = () => publishedActivity(t, w);

describe('staff and consultations', () => {
  it('S0-6 X-1 staff: 401, 403, 400, 404, assign with duty and activity, list, change, remove', async () => {
    const { ev, activity } = await setup();
    const url = `/api/events/${ev.id}/staff`;
    const tech = await buildPerson(t, {
      organizationId: w.host.id,
      surname: 'Кузнецов',
      name: 'Пётр',
      patronymic: null,
    });
    const payload = {
      personId: tech.id,
      duty: 'technical',
      activityId: activity.id,
      notes: 'проектор и звук',
    };
    expect((await t.call({ method: 'POST', url, payload })).status).toBe(401);
    expect((await t.call({ method: 'POST', url, payload, cookie: w.teacher.cookie })).status).toBe(403);
    expect(
      (
        await t.call({
          method: 'POST',
          url,
          payload: { ...payload, duty: 'cooking' },
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/events/${UNKNOWN_ID}/staff`,
          payload,
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call({
          method: 'POST',
          url,
          payload: { ...payload, personId: UNKNOWN_ID },
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(400);
    const created = await t.call({ method: 'POST', url, payload, cookie: w.methodologist.cookie });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      fullName: 'Кузнецов Пётр',
      duty: 'technical',
      activityTitle: 'Цифровая лаборатория',
    });
    const list = await t.call({ method: 'GET', url, cookie: w.methodologist.cookie });
    expect(list.body.total).toBe(1);
    const upd = await t.call({
      method: 'PATCH',
      url: `/api/staff/${created.body.id}`,
      payload: { duty: 'musical' },
      cookie: w.admin.cookie,
    });
    expect(upd.body.duty).toBe('musical');
    // the staff list as XLSX, for organisers only
    const staffXlsx = `/api/events/${ev.id}/staff.xlsx`;
    expect((await downloadXlsx(t, staffXlsx)).status).toBe(401);
    expect((await downloadXlsx(t, staffXlsx, w.teacher.cookie)).status).toBe(403);
    const sx = await downloadXlsx(t, staffXlsx, w.methodologist.cookie);
    expect(sx.status).toBe(200);
    expect(sx.header).toEqual(['ФИО', 'Организация', 'Обязанность', 'Пункт программы', 'Примечание']);
    expect(sx.rows).toEqual([
      [
        'Кузнецов Пётр',
        w.host.shortName,
        'Музыкальное сопровождение',
        'Цифровая лаборатория',
        'проектор и звук',
      ],
    ]);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/staff/${UNKNOWN_ID}`, cookie: w.admin.cookie })).status,
    ).toBe(404);
    expect(
      (await t.call({ method: 'DELETE', url: `/api/staff/${created.body.id}`, cookie: w.admin.cookie }))
        .status,
    ).toBe(200);
  });

  it('S0-11 X-1 consultations: a teacher asks, managers assign a consultant and time, each side sees its own', async () => {
    const { ev } = await setup();
    const url = `/api/events/${ev.id}/consultations`;
    const payload = { subject: 'Подготовка к аттестации', question: 'Как оформить портфолио?' };
    expect((await t.call({ method: 'POST', url, payload })).status).toBe(401);
    expect(
      (await t.call({ method: 'POST', url, payload: { subject: '' }, cookie: w.teacher.cookie })).status,
    ).toBe(400);
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/events/${UNKNOWN_ID}/consultations`,
          payload,
          cookie: w.teacher.cookie,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call({
          method: 'POST',
          url,
          payload: { ...payload, organizationId: w.school.id },
          cookie: w.teacher.cookie,
        })
      ).status,
    ).toBe(403);
    const asked = await t.call({ method: 'POST', url, payload, cookie: w.teacher.cookie });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'requested',
      requesterName: 'Смирнова Ольга Ивановна',
      organizationId: w.school.id,
    });
    const other = await buildTeacher(t, w.school.id);
    expect((await t.call({ method: 'GET', url, cookie: other.cookie })).body.total).toBe(0);
    expect((await t.call({ method: 'GET', url, cookie: w.teacher.cookie })).body.total).toBe(1);
    const consultant = await buildPerson(t, {
      organizationId: w.host.id,
      surname: 'Орлова',
      name: 'Нина',
      patronymic: 'Павловна',
    });
    const patchUrl = `/api/consultations/${asked.body.id}`;
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: patchUrl,
          payload: { status: 'done' },
          cookie: w.teacher.cookie,
        })
      ).status,
    ).toBe(403);
    expect(
      (await t.call({ method: 'PATCH', url: patchUrl, payload: { status: 'maybe' }, cookie: w.admin.cookie }))
        .status,
    ).toBe(400);
    expect(
      (
        await t.call({
          method: 'PATCH',
          url: `/api/consultations/${UNKNOWN_ID}`,
          payload: {},
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(404);
    const assigned = await t.call({
      method: 'PATCH',
      url: patchUrl,
      payload: { consultantPersonId: consultant.id, scheduledAt: at(D, '16:00') },
      cookie: w.methodologist.cookie,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      status: 'assigned',
      consultantName: 'Орлова Нина Павловна',
      scheduledAt: '2026-08-25T13:00:00.000Z',
    });
    expect((await t.call({ method: 'GET', url, cookie: w.methodologist.cookie })).body.total).toBe(1);
    // as XLSX — organisers get every request, the teacher only their own
    const cx = await downloadXlsx(t, `/api/events/${ev.id}/consultations.xlsx`, w.methodologist.cookie);
    expect(cx.status).toBe(200);
    expect(cx.sheetName).toBe('Консультации');
    expect(cx.rows[0]?.slice(0, 2)).toEqual(['Подготовка к аттестации', 'Как оформить портфолио?']);
    expect(cx.rows[0]?.[5]).toBe('25.08.2026 16:00');
    expect(cx.rows[0]?.[6]).toBe('Назначена');
    expect((await downloadXlsx(t, `/api/events/${ev.id}/consultations.xlsx`)).status).toBe(401);
  });
});

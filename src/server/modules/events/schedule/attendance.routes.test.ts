import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { renderTablesPdf } from '../../../documents/schedule-pdf.js';
import { downloadXlsx } from '../../directory/directory.test-helpers.js';
import { getSchedule } from './activities.service.js';
import { attendanceListDoc, programmeDoc } from './documents.service.js';
import {
  buildEvent,
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
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

const setup = () => publishedActivity(t, w);

describe('attendance', () => {
  it('S0-5 X-1 attendance by managers: 401, 403, 400, 404, marks and unmarks', async () => {
    const { activity } = await setup();
    const p = await buildTeacher(t, w.school.id);
    await t.call({ method: 'POST', url: `/api/activities/${activity.id}/registrations`, cookie: p.cookie });
    const url = `/api/activities/${activity.id}/attendance`;
    const payload = { personIds: [p.person.id], present: true };
    expect((await t.call({ method: 'PUT', url, payload })).status).toBe(401);
    expect((await t.call({ method: 'PUT', url, payload, cookie: p.cookie })).status).toBe(403);
    expect(
      (await t.call({ method: 'PUT', url, payload: { personIds: [] }, cookie: w.admin.cookie })).status,
    ).toBe(400);
    expect(
      (
        await t.call({
          method: 'PUT',
          url: `/api/activities/${UNKNOWN_ID}/attendance`,
          payload,
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(404);
    expect((await t.call({ method: 'PUT', url, payload, cookie: w.methodologist.cookie })).status).toBe(200);
    const regs = await t.call({
      method: 'GET',
      url: `/api/activities/${activity.id}/registrations`,
      cookie: w.admin.cookie,
    });
    expect(regs.body.items[0].present).toBe(true);
    await t.call({ method: 'PUT', url, payload: { ...payload, present: false }, cookie: w.admin.cookie });
    const after = await t.call({
      method: 'GET',
      url: `/api/activities/${activity.id}/registrations`,
      cookie: w.admin.cookie,
    });
    expect(after.body.items[0].present).toBe(false);
    const unknown = await t.call({
      method: 'PUT',
      url,
      payload: { personIds: [UNKNOWN_ID], present: true },
      cookie: w.admin.cookie,
    });
    expect(unknown.status).toBe(400);
  });

  it('S0-5 QR check-in: the QR is an SVG of the check-in link; a registered person scanning it is marked present', async () => {
    const { activity } = await setup();
    const qrUrl = `/api/activities/${activity.id}/checkin-qr`;
    expect((await t.call({ method: 'GET', url: qrUrl })).status).toBe(401);
    expect((await t.call({ method: 'GET', url: qrUrl, cookie: w.teacher.cookie })).status).toBe(403);
    const qr = await t.call({ method: 'GET', url: qrUrl, cookie: w.methodologist.cookie });
    expect(qr.status).toBe(200);
    expect(qr.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(qr.raw).toContain('<svg');
    const { checkinUrl } = await import('./attendance.service.js');
    const k = new URL(checkinUrl(t.ctx, activity.id)).searchParams.get('k')!;

    const p = await buildTeacher(t, w.school.id);
    const url = `/api/activities/${activity.id}/checkin`;
    expect((await t.call({ method: 'POST', url, payload: { k } })).status).toBe(401);
    expect((await t.call({ method: 'POST', url, payload: {}, cookie: p.cookie })).status).toBe(400);
    const notRegistered = await t.call({ method: 'POST', url, payload: { k }, cookie: p.cookie });
    expect(notRegistered.status).toBe(403);
    expect(notRegistered.body.error.code).toBe('NOT_REGISTERED');
    await t.call({ method: 'POST', url: `/api/activities/${activity.id}/registrations`, cookie: p.cookie });
    const wrong = await t.call({ method: 'POST', url, payload: { k: 'forged-key' }, cookie: p.cookie });
    expect(wrong.body.error.code).toBe('CHECKIN_KEY_INVALID');
    const ok = await t.call({ method: 'POST', url, payload: { k }, cookie: p.cookie });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, alreadyMarked: false, title: 'Цифровая лаборатория' });
    expect((await t.call({ method: 'POST', url, payload: { k }, cookie: p.cookie })).body.alreadyMarked).toBe(
      true,
    );
    expect(
      (
        await t.call({
          method: 'POST',
          url: `/api/activities/${UNKNOWN_ID}/checkin`,
          payload: { k },
          cookie: p.cookie,
        })
      ).status,
    ).toBe(404);
    const rows = await t.ctx.db.query.attendance.findMany();
    expect(rows.some((r) => r.personId === p.person.id && r.method === 'qr')).toBe(true);
  });
});

describe('documents', () => {
  it('S0-5 X-6 the programme as PDF and DOCX: a table per day with time, room, item and presenters', async () => {
    const { ev } = await setup();
    const url = `/api/events/${ev.id}/schedule.docx`;
    expect(
      (await t.call({ method: 'GET', url: `/api/events/${UNKNOWN_ID}/schedule.pdf`, cookie: w.admin.cookie }))
        .status,
    ).toBe(404);
    const docx = await t.app.inject({ method: 'GET', url, headers: { cookie: w.teacher.cookie } });
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const s of [
      'Программа: Августовская конференция',
      '25.08.2026, вторник',
      '14:00–14:45',
      'Кабинет 5',
      'Мастер-класс: «Цифровая лаборатория»',
      'Смирнова Ольга Ивановна',
    ])
      expect(xml).toContain(s);
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/events/${ev.id}/schedule.pdf`,
      headers: { cookie: w.teacher.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // uncompressed, the document's title is readable in the info dictionary
    const doc = programmeDoc(await getSchedule(t.ctx, null, ev.id, { publicOnly: true }));
    expect(doc.tables[0].rows[0]).toEqual([
      '14:00–14:45',
      'Кабинет 5',
      'Мастер-класс: «Цифровая лаборатория»',
      'Смирнова Ольга Ивановна',
    ]);
    const raw = await renderTablesPdf({ ...doc, compress: false });
    expect(raw.includes(utf16be('Программа: Августовская конференция'))).toBe(true);
    expect(raw.toString('latin1')).toContain('/Type /Page');
    // not published → others get 404
    const hidden = await buildEvent(t, { hostOrganizationId: w.host.id, startDate: D, endDate: D });
    expect(
      (
        await t.call({
          method: 'GET',
          url: `/api/events/${hidden.id}/schedule.pdf`,
          cookie: w.teacher.cookie,
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.call({ method: 'GET', url: `/api/events/${ev.id}/schedule.txt`, cookie: w.teacher.cookie }))
        .status,
    ).toBe(400);
  });

  it('S0-5 X-6 X-1 the attendance list for signatures lists registered people with their organisation', async () => {
    const { activity } = await setup();
    const p = await buildTeacher(t, w.school.id, {
      surname: 'Яковлева',
      name: 'Анна',
      patronymic: 'Сергеевна',
    });
    await t.call({ method: 'POST', url: `/api/activities/${activity.id}/registrations`, cookie: p.cookie });
    const url = `/api/activities/${activity.id}/attendance-list.docx`;
    expect((await t.call({ method: 'GET', url })).status).toBe(401);
    expect((await t.call({ method: 'GET', url, cookie: p.cookie })).status).toBe(403);
    expect(
      (
        await t.call({
          method: 'GET',
          url: `/api/activities/${UNKNOWN_ID}/attendance-list.docx`,
          cookie: w.admin.cookie,
        })
      ).status,
    ).toBe(404);
    const docx = await t.app.inject({ method: 'GET', url, headers: { cookie: w.methodologist.cookie } });
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    for (const s of [
      'Лист регистрации участников',
      'ФИО',
      'Организация',
      'Подпись',
      'Яковлева Анна Сергеевна',
      w.school.shortName,
    ])
      expect(xml).toContain(s);
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/activities/${activity.id}/attendance-list.pdf`,
      headers: { cookie: w.admin.cookie },
    });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const spec = await attendanceListDoc(t.ctx, adminActor(), activity.id);
    expect(spec.tables[0].rows[0]).toEqual(['1', 'Яковлева Анна Сергеевна', w.school.shortName, '']);
  });
});

function adminActor() {
  return {
    userId: w.admin.userId,
    email: w.admin.email,
    name: 'admin',
    personId: null,
    roles: [{ role: 'admin' as const, scopeType: 'global' as const, scopeId: null }],
  };
}

describe('GET /api/events/:id/participants.xlsx', () => {
  it('X-6 S0-5 X-1 the participant list has every registration with organisation, status and attendance', async () => {
    const { ev, activity } = await setup();
    const a = await buildTeacher(t, w.school.id, {
      surname: 'Яковлева',
      name: 'Анна',
      patronymic: 'Юрьевна',
    });
    const b = await buildTeacher(t, w.school.id, { surname: 'Агеев', name: 'Борис', patronymic: 'Олегович' });
    for (const p of [a, b])
      await t.call({ method: 'POST', url: `/api/activities/${activity.id}/registrations`, cookie: p.cookie });
    await t.call({
      method: 'PUT',
      url: `/api/activities/${activity.id}/attendance`,
      payload: { personIds: [a.person.id], present: true },
      cookie: w.admin.cookie,
    });
    const url = `/api/events/${ev.id}/participants.xlsx`;
    expect((await downloadXlsx(t, url)).status).toBe(401);
    expect((await downloadXlsx(t, url, a.cookie)).status).toBe(403);
    expect((await downloadXlsx(t, url, w.otherMethodologist.cookie)).status).toBe(403);
    expect(
      (await downloadXlsx(t, `/api/events/${UNKNOWN_ID}/participants.xlsx`, w.admin.cookie)).status,
    ).toBe(404);
    const x = await downloadXlsx(t, url, w.methodologist.cookie);
    expect(x.status).toBe(200);
    expect(x.sheetName).toBe('Участники');
    expect(x.header).toEqual([
      'Дата',
      'Время',
      'Мероприятие программы',
      'Аудитория',
      'ФИО',
      'Организация',
      'E-mail',
      'Запись',
      'Присутствовал',
    ]);
    // sorted by name in Russian order within the activity
    expect(x.rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[7], r[8]])).toEqual([
      [
        '25.08.2026',
        '14:00–14:45',
        'Цифровая лаборатория',
        'Кабинет 5',
        'Агеев Борис Олегович',
        'Записан',
        'нет',
      ],
      [
        '25.08.2026',
        '14:00–14:45',
        'Цифровая лаборатория',
        'Кабинет 5',
        'Яковлева Анна Юрьевна',
        'Записан',
        'да',
      ],
    ]);
  });
});

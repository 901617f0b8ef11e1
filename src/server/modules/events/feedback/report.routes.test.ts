import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, signInAs } from '../../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import {
  addPresenter,
  addStaff,
  buildActivity,
  buildApplication,
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

async function seeded() {
  const base = await eventWithManager(t);
  const { event } = base;
  const form = await buildForm(t, { title: 'Мастер-класс' });
  const a = await buildActivity(t, event.id, {
    title: 'Мастер-класс по функциональной грамотности',
    formId: form.id,
  });
  const presenter = await participant(t, base.org.id);
  await addPresenter(t, a.id, presenter.person.id);
  const otherOrg = await buildOrganization(t, { municipalityId: base.org.municipalityId });
  const l1 = await participant(t, otherOrg.id);
  const l2 = await participant(t, otherOrg.id);
  await register(t, a.id, l1.person.id);
  await register(t, a.id, l2.person.id, false);
  const staff = await participant(t, base.org.id);
  await addStaff(t, event.id, staff.person.id);
  await buildApplication(t, event.id, { status: 'accepted' });
  await buildApplication(t, event.id, { status: 'rejected' });
  await buildApplication(t, event.id, { status: 'submitted' });
  await buildApplication(t, event.id, { status: 'draft' });
  await t.call({
    method: 'POST',
    url: `/api/events/${event.id}/feedback`,
    payload: { activityId: a.id, scores: { quality: 4, relevance: 5, practical: 5 } },
    cookie: l1.cookie,
  });
  return { ...base, a, otherOrg };
}

describe('final report', () => {
  it('S0-8 X-1 the report JSON counts participants, roles, forms, attendance, applications, feedback', async () => {
    const { event, manager, org, otherOrg } = await seeded();
    const url = `/api/events/${event.id}/report`;
    expect((await t.call({ url })).status).toBe(401);
    const teacher = await signInAs(t, 'teacher');
    expect((await t.call({ url, cookie: teacher.cookie })).status).toBe(403);
    expect((await t.call({ url: `/api/events/${NO_ID}/report`, cookie: manager.cookie })).status).toBe(404);
    const r = await t.call({ url, cookie: manager.cookie });
    expect(r.status).toBe(200);
    expect(r.body.participants.total).toBe(3);
    expect(r.body.participants.byRole).toEqual([
      { label: 'Выступающие', count: 1 },
      { label: 'Слушатели', count: 1 },
      { label: 'Организационная группа', count: 1 },
    ]);
    expect(r.body.participants.byOrganization).toEqual(
      expect.arrayContaining([
        { label: org.shortName, count: 2 },
        { label: otherOrg.shortName, count: 1 },
      ]),
    );
    expect(r.body.participants.byMunicipality).toHaveLength(1);
    expect(r.body.activitiesByForm).toEqual([{ label: 'Мастер-класс', count: 1 }]);
    expect(r.body.attendance).toMatchObject({ registered: 2, attended: 1, rate: 0.5 });
    expect(r.body.applications).toEqual({ total: 3, accepted: 1, rejected: 1, other: 1 });
    expect(r.body.feedback.byActivity[0].criteria[0]).toMatchObject({ key: 'quality', mean: 4 });
  });

  it('S0-8 X-6 the DOCX contains its tables and the conclusion; saving puts it into the folder', async () => {
    const { event, manager } = await seeded();
    const put = `/api/events/${event.id}/report/conclusion`;
    expect((await t.call({ method: 'PUT', url: put, payload: { text: 'x' } })).status).toBe(401);
    expect(
      (await t.call({ method: 'PUT', url: put, payload: { text: 5 }, cookie: manager.cookie })).status,
    ).toBe(400);
    const text = 'Сессия прошла успешно; рекомендуем повторить формат.';
    expect(
      (await t.call({ method: 'PUT', url: put, payload: { text }, cookie: manager.cookie })).status,
    ).toBe(200);

    const res = await t.app.inject({
      url: `/api/events/${event.id}/report.docx`,
      headers: { cookie: manager.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rost-docx-'));
    const file = path.join(dir, 'r.docx');
    fs.writeFileSync(file, res.rawPayload);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
    fs.rmSync(dir, { recursive: true, force: true });
    for (const header of [
      'Итоговая справка',
      'Участники по организациям',
      'Участники по муниципалитетам',
      'Участники по регионам',
      'Мероприятия по формам',
      'Посещаемость',
      'Зарегистрировано',
      'Заявки',
      'Отклонено',
      'Средний балл',
      'Качество проведения',
      text,
    ])
      expect(xml).toContain(header);
    expect(xml).toContain('<w:tbl>');

    const teacher = await signInAs(t, 'teacher');
    const saveUrl = `/api/events/${event.id}/report/save`;
    expect((await t.call({ method: 'POST', url: saveUrl, cookie: teacher.cookie })).status).toBe(403);
    const saved = await t.call({ method: 'POST', url: saveUrl, cookie: manager.cookie });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      category: 'final_report',
      generated: true,
      title: 'Итоговая справка',
    });
    const list = await t.call({
      url: `/api/events/${event.id}/materials?category=final_report`,
      cookie: manager.cookie,
    });
    expect(list.body.total).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMunicipality,
  buildOrganization,
  buildPerson,
  signInAs,
} from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { downloadXlsx } from '../directory/directory.test-helpers.js';
import { buildActivity, buildEvent } from './certificates.test-helpers.js';

let t: TestApp;
let eventId: string;
let methodologist: Awaited<ReturnType<typeof signInAs>>;
let teacher: Awaited<ReturnType<typeof signInAs>>;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  const mun = await buildMunicipality(t);
  const org = await buildOrganization(t, { municipalityId: mun.id, shortName: 'МБОУ СОШ № 7' });
  eventId = (await buildEvent(t, { hostOrganizationId: org.id, title: 'Сессия «Реестр»' })).id;
  const presenter = await buildPerson(t, {
    organizationId: org.id,
    surname: 'Иванова',
    name: 'Мария',
    patronymic: 'Петровна',
  });
  const listener = await buildPerson(t, {
    organizationId: org.id,
    surname: 'Петров',
    name: 'Сергей',
    patronymic: 'Иванович',
  });
  await buildActivity(t, eventId, {
    formCode: 'master_class',
    topic: 'Смысловое чтение',
    presenterIds: [presenter.id],
    listenerIds: [listener.id],
  });
  methodologist = await signInAs(t, 'methodologist', { scopeType: 'municipality', scopeId: mun.id });
  teacher = await signInAs(t, 'teacher', { scopeType: 'organization', scopeId: org.id });
  const issued = await t.call({
    method: 'POST',
    url: `/api/events/${eventId}/certificates`,
    payload: { to: 'attended' },
    cookie: methodologist.cookie,
  });
  expect(issued.status).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/events/:id/certificates/export.xlsx', () => {
  it('X-6 X-1 S0-12 the registry downloads as XLSX with the list filters; 401, 403, 404, 400', async () => {
    const url = `/api/events/${eventId}/certificates/export.xlsx`;
    expect((await downloadXlsx(t, url)).status).toBe(401);
    expect((await downloadXlsx(t, url, teacher.cookie)).status).toBe(403);
    expect(
      (await downloadXlsx(t, `/api/events/${UNKNOWN}/certificates/export.xlsx`, methodologist.cookie)).status,
    ).toBe(404);
    expect((await downloadXlsx(t, `${url}?role=nobody`, methodologist.cookie)).status).toBe(400);

    const all = await downloadXlsx(t, url, methodologist.cookie);
    expect(all.status).toBe(200);
    expect(all.headers['content-disposition']).toMatch(/certificates-\d{4}-\d{2}-\d{2}\.xlsx/);
    expect(all.sheetName).toBe('Сертификаты');
    expect(all.header.slice(0, 6)).toEqual(['Номер', 'Кому выдан', 'Организация', 'Роль', 'Форма', 'Тема']);
    const holders = all.rows.map((r) => [r[1], r[3], r[5], r[8]]);
    expect(holders).toEqual(
      expect.arrayContaining([
        ['Иванова Мария Петровна', 'Ведущий', 'Смысловое чтение', 'Действует'],
        ['Петров Сергей Иванович', 'Слушатель', undefined, 'Действует'],
      ]),
    );
    const presenters = await downloadXlsx(t, `${url}?role=presenter`, methodologist.cookie);
    expect(presenters.rows.map((r) => r[1])).toEqual(['Иванова Мария Петровна']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { multipart } from '../../imports/imports.testing.js';
import { buildEventWorld, type EventWorld, openCallEvent, UNKNOWN_ID } from '../events.test-helpers.js';

let t: TestApp;
let w: EventWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildEventWorld(t);
});
afterAll(async () => {
  await t.close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function upload(appId: string, cookie: string | undefined, data: Buffer, name = 'Конспект.pdf') {
  const { payload, headers } = await multipart({}, { name, data, type: 'application/pdf' });
  return t.call({ method: 'POST', url: `/api/applications/${appId}/attachments`, payload, headers, cookie });
}

describe('application attachments', () => {
  it('S0-3 X-1 the applicant attaches a file (type checked by content); others read it; only while editable', async () => {
    const ev = await openCallEvent(t, w);
    const forms = await t.call({ method: 'GET', url: '/api/activity-forms', cookie: w.teacher.cookie });
    const formId = forms.body.items.find((f: any) => f.code === 'master_class').id;
    const created = await t.call({
      method: 'POST',
      url: `/api/events/${ev}/applications`,
      payload: { formId, topic: 'Тема с файлами' },
      cookie: w.teacher.cookie,
    });
    const id = created.body.id;
    expect((await upload(id, undefined, PDF)).status).toBe(401);
    expect((await upload(id, w.teacher2.cookie, PDF)).status).toBe(404);
    expect((await upload(UNKNOWN_ID, w.teacher.cookie, PDF)).status).toBe(404);
    const notPdf = await upload(id, w.teacher.cookie, Buffer.from([0, 1, 2, 3, 4, 5, 6, 7]), 'x.pdf');
    expect(notPdf.status).toBe(415);
    const ok = await upload(id, w.teacher.cookie, PDF);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ name: 'Конспект.pdf', mime: 'application/pdf' });
    await t.call({ method: 'POST', url: `/api/applications/${id}/submit`, cookie: w.teacher.cookie });
    const list = await t.call({
      method: 'GET',
      url: `/api/applications/${id}/attachments`,
      cookie: w.methodologist.cookie,
    });
    expect(list.body.items.map((f: any) => f.id)).toEqual([ok.body.id]);
    const file = await t.call({
      method: 'GET',
      url: `/api/applications/${id}/attachments/${ok.body.id}`,
      cookie: w.head.cookie,
    });
    expect(file.status).toBe(200);
    expect(file.raw.startsWith('%PDF')).toBe(true);
    // submitted: no more changes
    expect((await upload(id, w.teacher.cookie, PDF)).status).toBe(409);
    const del = await t.call({
      method: 'DELETE',
      url: `/api/applications/${id}/attachments/${ok.body.id}`,
      cookie: w.teacher.cookie,
    });
    expect(del.status).toBe(409);
    expect(
      (
        await t.call({
          method: 'DELETE',
          url: `/api/applications/${id}/attachments/${ok.body.id}`,
          cookie: w.methodologist.cookie,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call({
          method: 'GET',
          url: `/api/applications/${id}/attachments/${UNKNOWN_ID}`,
          cookie: w.teacher.cookie,
        })
      ).status,
    ).toBe(404);
  });
});

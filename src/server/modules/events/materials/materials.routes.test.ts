import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, signInAs } from '../../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { EXE, PDF, PNG } from '../../../platform/files.test-helpers.js';
import { multipart } from '../../imports/imports.testing.js';
import { addPresenter, buildActivity, eventWithManager } from '../feedback/feedback.test-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function upload(
  eventId: string,
  cookie: string | undefined,
  fields: Record<string, string>,
  file?: { name: string; data: Buffer },
) {
  const { payload, headers } = await multipart(fields, file);
  return t.call({ method: 'POST', url: `/api/events/${eventId}/materials`, payload, headers, cookie });
}

describe('materials folder', () => {
  it('S0-13 X-1 managers and presenters upload; others get 401/403; bad category 400; unknown event 404', async () => {
    const { event, manager } = await eventWithManager(t);
    const pdf = { name: 'Программа.pdf', data: PDF };
    expect((await upload(event.id, undefined, { category: 'talks' }, pdf)).status).toBe(401);
    const teacher = await signInAs(t, 'teacher');
    expect((await upload(event.id, teacher.cookie, { category: 'talks' }, pdf)).status).toBe(403);
    const elsewhere = await buildPerson(t);
    const { municipalityId } = (
      await t.call({ url: `/api/organizations/${elsewhere.organizationId}`, cookie: manager.cookie })
    ).body;
    const otherMethodologist = await signInAs(t, 'methodologist', {
      scopeType: 'municipality',
      scopeId: municipalityId,
    });
    expect((await upload(event.id, otherMethodologist.cookie, { category: 'talks' }, pdf)).status).toBe(403);
    expect((await upload(event.id, manager.cookie, { category: 'nonsense' }, pdf)).status).toBe(400);
    expect((await upload(event.id, manager.cookie, { category: 'talks' })).status).toBe(400);
    expect(
      (await upload('00000000-0000-4000-8000-000000000000', manager.cookie, { category: 'talks' }, pdf))
        .status,
    ).toBe(404);
    const ok = await upload(
      event.id,
      manager.cookie,
      { category: 'talks', title: 'Выступление Ивановой' },
      pdf,
    );
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      category: 'talks',
      title: 'Выступление Ивановой',
      mime: 'application/pdf',
    });

    const presenterPerson = await buildPerson(t);
    const a = await buildActivity(t, event.id);
    await addPresenter(t, a.id, presenterPerson.id);
    const presenter = await signInAs(t, 'teacher', {}, { personId: presenterPerson.id });
    const byPresenter = await upload(
      event.id,
      presenter.cookie,
      { category: 'presentations', activityId: a.id },
      { name: 'slides.png', data: PNG },
    );
    expect(byPresenter.status).toBe(201);
    expect(byPresenter.body.title).toBe('slides');

    const list = await t.call({ url: `/api/events/${event.id}/materials`, cookie: presenter.cookie });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.find((m: { id: string }) => m.id === ok.body.id).canDelete).toBe(false);
    expect((await t.call({ url: `/api/events/${event.id}/materials`, cookie: teacher.cookie })).status).toBe(
      403,
    );
    expect((await t.call({ url: `/api/events/${event.id}/materials` })).status).toBe(401);

    const file = await t.call({ url: `/api/materials/${ok.body.id}/file`, cookie: manager.cookie });
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Программа.pdf')}`,
    );
    expect((await t.call({ url: `/api/materials/${ok.body.id}/file`, cookie: teacher.cookie })).status).toBe(
      403,
    );

    // presenters delete only their own uploads
    expect(
      (await t.call({ method: 'DELETE', url: `/api/materials/${ok.body.id}`, cookie: presenter.cookie }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.call({
          method: 'DELETE',
          url: `/api/materials/${byPresenter.body.id}`,
          cookie: presenter.cookie,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await t.call({
          method: 'DELETE',
          url: `/api/materials/${byPresenter.body.id}`,
          cookie: manager.cookie,
        })
      ).status,
    ).toBe(404);
  });

  it('S0-13 X-1 a .exe renamed to .pdf is refused with 415; a file over the limit with 413', async () => {
    const { event, manager } = await eventWithManager(t);
    const exe = await upload(
      event.id,
      manager.cookie,
      { category: 'other' },
      { name: 'report.pdf', data: EXE },
    );
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('UNSUPPORTED_FILE');
    const big = Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]);
    const tooBig = await upload(
      event.id,
      manager.cookie,
      { category: 'other' },
      { name: 'big.pdf', data: big },
    );
    expect(tooBig.status).toBe(413);
    const list = await t.call({ url: `/api/events/${event.id}/materials`, cookie: manager.cookie });
    expect(list.body.total).toBe(0);
  });

  it('S0-13 X-6 the archive has a folder per category with Russian names', async () => {
    const { event, manager } = await eventWithManager(t);
    await upload(
      event.id,
      manager.cookie,
      { category: 'photos', title: 'Открытие' },
      { name: 'a.png', data: PNG },
    );
    await upload(
      event.id,
      manager.cookie,
      { category: 'photos', title: 'Открытие' },
      { name: 'b.png', data: PNG },
    );
    await upload(event.id, manager.cookie, { category: 'final_report' }, { name: 'Справка.pdf', data: PDF });
    const res = await t.app.inject({
      url: `/api/events/${event.id}/archive.zip`,
      headers: { cookie: manager.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rost-zip-'));
    const zipPath = path.join(dir, 'a.zip');
    fs.writeFileSync(zipPath, res.rawPayload);
    const listing = execFileSync('unzip', ['-Z1', zipPath]).toString('utf8');
    for (const folder of [
      'Итоговая справка/',
      'Выступления/',
      'Конспекты/',
      'Презентации/',
      'Листы регистрации/',
      'Анкеты обратной связи/',
      'Фото/',
      'Прочее/',
    ])
      expect(listing).toContain(folder);
    expect(listing).toContain('Фото/Открытие.png');
    expect(listing).toContain('Фото/Открытие (2).png');
    expect(listing).toContain('Итоговая справка/Справка.pdf');
    fs.rmSync(dir, { recursive: true, force: true });
    expect((await t.call({ url: `/api/events/${event.id}/archive.zip` })).status).toBe(401);
  });
});

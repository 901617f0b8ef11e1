// The certificate of an activity whose form an administrator added to the catalogue uses that form's phrase.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMunicipality,
  buildOrganization,
  buildPerson,
  signInAs,
} from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { buildActivity, buildEvent } from './certificates.test-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('certificate wording of catalogue forms', () => {
  it('S0-10 S0-12 a form added by an administrator with «представить презентацию опыта» reads so on the certificate', async () => {
    const admin = await signInAs(t, 'admin');
    const form = await t.call({
      method: 'POST',
      url: '/api/activity-forms',
      payload: {
        code: 'experience_presentation',
        title: 'Презентация опыта',
        certificatePhrase: 'представить презентацию опыта',
      },
      cookie: admin.cookie,
    });
    expect(form.status).toBe(201);
    const mun = await buildMunicipality(t);
    const org = await buildOrganization(t, { municipalityId: mun.id });
    const ev = await buildEvent(t, { hostOrganizationId: org.id });
    const presenter = await buildPerson(t, {
      organizationId: org.id,
      surname: 'Иванова',
      name: 'Мария',
      patronymic: 'Петровна',
    });
    await buildActivity(t, ev.id, {
      formCode: 'experience_presentation',
      topic: 'Наставничество в школе',
      presenterIds: [presenter.id],
    });
    const issued = await t.call({
      method: 'POST',
      url: `/api/events/${ev.id}/certificates`,
      payload: { to: 'attended' },
      cookie: admin.cookie,
    });
    expect(issued.status).toBe(200);
    const mine = issued.body.items.find((c: any) => c.personId === presenter.id);
    expect(mine.roleText).toBe('представила презентацию опыта по теме «Наставничество в школе»');
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { notification } from '../notifications/notifications.tables.js';
import { buildEventWorld, type EventWorld, openCallEvent } from './events.test-helpers.js';

let t: TestApp;
let w: EventWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildEventWorld(t);
});
afterAll(async () => {
  await t.close();
});

const register = (o: Record<string, unknown>) =>
  t.call({
    method: 'POST',
    url: '/api/public/guest-registrations',
    payload: { password: 'guest-password-1', surname: 'Гостева', name: 'Анна', ...o },
  });

describe('guest registration', () => {
  it('S0-9 a guest from another region finds an organisation without signing in, registers, signs in and applies', async () => {
    const found = await t.call({
      method: 'GET',
      url: `/api/public/organizations?q=${encodeURIComponent(w.other.shortName)}`,
    });
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([
      {
        id: w.other.id,
        shortName: w.other.shortName,
        municipalityName: w.muniB.name,
        regionName: w.region.name,
      },
    ]);
    expect((await t.call({ method: 'GET', url: '/api/public/organizations?q=a' })).status).toBe(400);
    const r = await register({ email: 'guest1@example.ru', organizationId: w.other.id });
    expect(r.status).toBe(201);
    const cookie = await signIn(t, 'guest1@example.ru', 'guest-password-1');
    const me = await t.call({ method: 'GET', url: '/api/me', cookie });
    expect(me.body).toMatchObject({ personId: r.body.personId, roles: [{ role: 'guest' }] });
    const ev = await openCallEvent(t, w);
    const forms = await t.call({ method: 'GET', url: '/api/activity-forms', cookie });
    const a = await t.call({
      method: 'POST',
      url: `/api/events/${ev}/applications`,
      payload: { formId: forms.body.items[0].id, topic: 'Опыт соседнего региона' },
      cookie,
    });
    expect(a.status).toBe(201);
    expect(a.body.organization.id).toBe(w.other.id);
  });

  it('S0-9 X-4 a guest may propose a new organisation: administrators are notified', async () => {
    const r = await register({
      email: 'guest2@example.ru',
      proposedOrganization: { name: 'МБОУ СОШ № 99', locality: 'г. Тюмень, Тюменская область' },
    });
    expect(r.status).toBe(201);
    const notes = await t.ctx.db.select().from(notification).where(eq(notification.userId, w.admin.userId));
    expect(notes.map((n) => n.title)).toContain('Предложена новая организация: МБОУ СОШ № 99');
  });

  it('S0-9 X-1 400 without an organisation or with both, short password; 409 for a taken e-mail', async () => {
    expect((await register({ email: 'g3@example.ru' })).status).toBe(400);
    expect(
      (
        await register({
          email: 'g3@example.ru',
          organizationId: w.other.id,
          proposedOrganization: { name: 'X', locality: 'Y' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await register({ email: 'g3@example.ru', organizationId: w.other.id, password: 'short' })).status,
    ).toBe(400);
    const dup = await register({ email: w.teacherPerson.email, organizationId: w.other.id });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('GUEST_PERSON_EXISTS');
    const dupUser = await register({ email: w.admin.email, organizationId: w.other.id });
    expect(dupUser.status).toBe(409);
  });
});

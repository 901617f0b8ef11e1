import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../../../tests/harness/factories.js';
import { createTestApp, type TestApp } from '../../../../../tests/harness/test-app.js';
import { seedDemoSchedule } from '../../demo/demo.schedule.js';
import {
  buildApplication,
  buildEvent,
  buildScheduleWorld,
  type ScheduleWorld,
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

describe('demo schedule', () => {
  it('S0-5 S0-9 the demo builds a clash-free published programme with registrations, a waiting list and attendance', async () => {
    const ev = await buildEvent(t, {
      hostOrganizationId: w.host.id,
      startDate: '2026-03-24',
      endDate: '2026-03-25',
    });
    const shared = await buildPerson(t, { organizationId: w.school.id });
    for (let i = 0; i < 12; i++) {
      const p = await buildPerson(t, { organizationId: w.school.id });
      await buildApplication(t, {
        eventId: ev.id,
        applicantPersonId: p.id,
        formId: w.form.id,
        coPresenters: i % 3 === 0 ? [shared.id] : [],
      });
    }
    for (let i = 0; i < 30; i++) await buildPerson(t, { organizationId: w.school.id });
    const r = await seedDemoSchedule(t.ctx, ev.id);
    expect(r.activities).toBe(14);
    expect(r.registrations).toBeGreaterThan(0);
    expect(r.attended).toBeGreaterThan(0);
    expect(await seedDemoSchedule(t.ctx, ev.id)).toEqual({ activities: 0, registrations: 0, attended: 0 });
    const pub = await t.call({ method: 'GET', url: `/api/public/events/${ev.id}/schedule` });
    expect(pub.status).toBe(200);
    const all = pub.body.days.flatMap((d: any) => d.activities);
    expect(all).toHaveLength(14);
    const overlaps = (a: any, b: any) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;
    for (const a of all)
      for (const b of all) {
        if (a.id >= b.id || !overlaps(a, b)) continue;
        expect(a.roomId === b.roomId, `${a.title} / ${b.title}`).toBe(false);
        const pa = new Set(a.presenters.map((p: any) => p.personId));
        expect(b.presenters.some((p: any) => pa.has(p.personId))).toBe(false);
      }
    expect(all.some((a: any) => a.waitlisted > 0)).toBe(true);
    expect(all.every((a: any) => a.capacity == null || a.registered <= a.capacity)).toBe(true);
  });
});

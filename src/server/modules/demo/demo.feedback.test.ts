import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/harness/test-app.js';
import { eventMaterial, feedbackResponse } from '../events/events.tables.js';
import {
  buildActivity,
  buildEvent,
  participant,
  register,
} from '../events/feedback/feedback.test-helpers.js';
import { seedDemoFeedback } from './demo.feedback.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('demo feedback', () => {
  it('S0-7 S0-13 the demo gives responses and generated materials once', async () => {
    const ev = await buildEvent(t);
    const a = await buildActivity(t, ev.id);
    for (let i = 0; i < 8; i++) await register(t, a.id, (await participant(t)).person.id);
    const r = await seedDemoFeedback(t.ctx, ev.id);
    expect(r.responses).toBeGreaterThan(0);
    expect(r.materials).toBe(2);
    const again = await seedDemoFeedback(t.ctx, ev.id);
    expect(again).toEqual({ responses: 0, materials: 0 });
    const responses = await t.ctx.db
      .select()
      .from(feedbackResponse)
      .where(eq(feedbackResponse.eventId, ev.id));
    expect(responses.length).toBe(r.responses);
    const materials = await t.ctx.db.select().from(eventMaterial).where(eq(eventMaterial.eventId, ev.id));
    expect(materials.map((m) => m.category).sort()).toEqual(['final_report', 'registration_lists']);
  });
});

// Demo schedule of an event: rooms, a programme built from the event's accepted applications (no room or
// presenter booked twice), registrations with a waiting list, attendance when the event is over, staff and
// consultation requests. Idempotent: an event that already has a programme is left as it is.

import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.js';
import { instantAt } from '../../platform/time-zone.js';
import { person } from '../directory/index.js';
import {
  activity,
  activityPresenter,
  application,
  applicationPresenter,
  attendance,
  consultation,
  event,
  registration,
  room,
  staffAssignment,
} from '../events/events.tables.js';

export type DemoScheduleResult = { activities: number; registrations: number; attended: number };

const ROOMS = [
  { name: 'Актовый зал', capacity: 120, equipment: 'проектор, микрофоны, звук' },
  { name: 'Кабинет 12', capacity: 25, equipment: 'проектор, интерактивная доска' },
  { name: 'Кабинет 21', capacity: 6, equipment: 'ноутбуки (6 шт.)' },
];
const SLOTS = ['10:00', '11:00', '12:00', '14:00', '15:00'];
const at = (day: string, hm: string) => instantAt(day, hm);
const plusMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= to;
    d.setUTCDate(d.getUTCDate() + 1)
  )
    out.push(d.toISOString().slice(0, 10));
  return out;
}

export async function seedDemoSchedule(ctx: AppContext, eventId: string): Promise<DemoScheduleResult> {
  const [ev] = await ctx.db.select().from(event).where(eq(event.id, eventId)).limit(1);
  if (!ev) return { activities: 0, registrations: 0, attended: 0 };
  const [already] = await ctx.db
    .select({ id: activity.id })
    .from(activity)
    .where(eq(activity.eventId, eventId))
    .limit(1);
  if (already) return { activities: 0, registrations: 0, attended: 0 };

  return ctx.db.transaction(async (tx) => {
    const rooms = await tx
      .insert(room)
      .values(ROOMS.map((r) => ({ ...r, eventId })))
      .onConflictDoNothing()
      .returning();
    const allRooms = rooms.length
      ? rooms
      : await tx.select().from(room).where(eq(room.eventId, eventId)).orderBy(asc(room.name));
    const hall = allRooms.find((r) => r.name === 'Актовый зал') ?? allRooms[0];
    const days = daysOf(ev.startDate, ev.endDate);
    const first = days[0];
    const last = days[days.length - 1];

    // organisers' items: the opening and the closing plenary
    const organiserItems = [
      { title: 'Открытие. Пленарное заседание', startsAt: at(first, '09:00'), endsAt: at(first, '09:50') },
      { title: 'Подведение итогов', startsAt: at(last, '16:00'), endsAt: at(last, '16:45') },
    ];
    const placed: (typeof activity.$inferSelect)[] = [];
    for (const it of organiserItems)
      placed.push(
        (
          await tx
            .insert(activity)
            .values({ eventId, roomId: hall.id, ...it })
            .returning()
        )[0],
      );

    const apps = await tx
      .select()
      .from(application)
      .where(and(eq(application.eventId, eventId), eq(application.status, 'accepted')))
      .orderBy(asc(application.submittedAt), asc(application.id));
    const co = apps.length
      ? await tx
          .select()
          .from(applicationPresenter)
          .where(
            inArray(
              applicationPresenter.applicationId,
              apps.map((a) => a.id),
            ),
          )
      : [];
    const busy = new Set<string>(); // `${roomId}|${slot}` and `${personId}|${slot}`
    const slots = days.flatMap((d) => SLOTS.map((s) => ({ day: d, hm: s })));
    const presenters = new Set<string>();
    for (const app of apps) {
      const people = [
        app.applicantPersonId,
        ...co.filter((c) => c.applicationId === app.id).map((c) => c.personId),
      ];
      let done = false;
      for (const s of slots) {
        if (done) break;
        const key = `${s.day} ${s.hm}`;
        if (people.some((p) => busy.has(`${p}|${key}`))) continue;
        for (const r of allRooms) {
          if (busy.has(`${r.id}|${key}`)) continue;
          const startsAt = at(s.day, s.hm);
          const [a] = await tx
            .insert(activity)
            .values({
              eventId,
              applicationId: app.id,
              formId: app.formId,
              sectionId: app.sectionId,
              title: app.topic,
              topic: app.topic,
              roomId: r.id,
              startsAt,
              endsAt: plusMinutes(startsAt, Math.min(app.durationMinutes ?? 45, 55)),
            })
            .returning();
          await tx
            .insert(activityPresenter)
            .values(people.map((personId) => ({ activityId: a.id, personId })));
          busy.add(`${r.id}|${key}`);
          for (const p of people) {
            busy.add(`${p}|${key}`);
            presenters.add(p);
          }
          placed.push(a);
          done = true;
          break;
        }
      }
    }

    // listeners: active people who do not present; each activity gets a share, the small room overflows
    const listeners = await tx
      .select({ id: person.id })
      .from(person)
      .where(
        and(
          eq(person.status, 'active'),
          presenters.size ? notInArray(person.id, [...presenters]) : undefined,
        ),
      )
      .orderBy(asc(person.surname), asc(person.id))
      .limit(60);
    let registrations = 0;
    let attended = 0;
    const over = ev.endDate < new Date().toISOString().slice(0, 10);
    const capOf = new Map(allRooms.map((r) => [r.id, r.capacity]));
    for (const [i, a] of placed.entries()) {
      const cap = a.capacity ?? (a.roomId ? capOf.get(a.roomId) : null) ?? null;
      const want = a.roomId === hall.id ? Math.min(40, listeners.length) : Math.min(9, listeners.length);
      const chosen = Array.from({ length: want }, (_, k) => listeners[(i * 7 + k) % listeners.length].id);
      const unique = [...new Set(chosen)];
      const rows = unique.map((personId, k) => ({
        activityId: a.id,
        personId,
        status: (cap != null && k >= cap ? 'waitlisted' : 'registered') as 'registered' | 'waitlisted',
        createdAt: new Date(Date.now() - (unique.length - k) * 60_000),
      }));
      if (rows.length) await tx.insert(registration).values(rows).onConflictDoNothing();
      registrations += rows.length;
      if (over) {
        const present = rows.filter((r, k) => r.status === 'registered' && k % 5 !== 4);
        if (present.length)
          await tx
            .insert(attendance)
            .values(
              present.map((r, k) => ({
                activityId: a.id,
                personId: r.personId,
                method: (k % 3 === 0 ? 'qr' : 'manual') as 'qr' | 'manual',
                markedAt: a.startsAt,
              })),
            )
            .onConflictDoNothing();
        attended += present.length;
      }
    }

    // staff and consultations
    const helpers = listeners.slice(-4);
    const duties = ['technical', 'artistic', 'musical', 'operational'] as const;
    if (helpers.length)
      await tx.insert(staffAssignment).values(
        helpers.map((h, k) => ({
          eventId,
          personId: h.id,
          duty: duties[k % duties.length],
          activityId: k === 0 ? placed[0].id : null,
          notes: k === 0 ? 'Проектор и микрофоны в актовом зале' : null,
        })),
      );
    if (listeners.length >= 2) {
      const consultant = [...presenters][0] ?? null;
      await tx.insert(consultation).values([
        {
          eventId,
          requesterPersonId: listeners[0].id,
          subject: 'Подготовка к аттестации на первую категорию',
          question: 'Какие материалы включить в портфолио?',
          consultantPersonId: consultant,
          scheduledAt: consultant ? at(first, '13:00') : null,
          status: consultant ? (over ? 'done' : 'assigned') : 'requested',
        },
        {
          eventId,
          requesterPersonId: listeners[1].id,
          subject: 'Проектная деятельность в начальной школе',
          question: 'Как оценивать групповые проекты?',
          status: 'requested',
        },
      ]);
    }
    await tx
      .update(event)
      .set({ schedulePublished: true, updatedAt: sql`now()` })
      .where(eq(event.id, eventId));
    return { activities: placed.length, registrations, attended };
  });
}

// Schedule bench (issue 3): an event of 300 activities (2 days × 10 rooms × 15 slots) and 2,000 registrations;
// the public programme (GET /api/public/events/:id/schedule) and a personal schedule (GET /api/me/schedule).
// Server time = app.inject (no network) median/p95 of sequential requests; then autocannon, 50 connections (as the issue asks), 5 s.
// Needs a PostgreSQL server to create a scratch database in:
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/schedule.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { createContext, migrate } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config/config.js';
import { connect } from '../src/server/db/db.js';
import {
  municipality,
  organization,
  person,
  region,
} from '../src/server/modules/directory/directory.tables.js';
import {
  activity,
  activityForm,
  activityPresenter,
  event,
  registration,
  room,
} from '../src/server/modules/events/events.tables.js';
import { getSchedule } from '../src/server/modules/events/schedule/activities.service.js';
import { createUserWithGrants } from '../src/server/modules/identity/users.service.js';

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `rost_bench_schedule_${process.pid}`;
const log = (m: string) => console.log(m);

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  const database = connect(u.toString(), 10);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rost-bench-'));
  try {
    await migrate(database);
    const config = loadConfig({
      ROST_DATA_DIR: dataDir,
      ROST_SECRET: 'bench-secret-bench-secret-bench-secret-01',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://127.0.0.1:3999',
    });
    const ctx = createContext(config, database);
    const db = ctx.db;

    // ---- data ----
    const t0 = performance.now();
    const [reg] = await db.insert(region).values({ name: 'Бенч-регион' }).returning();
    const [muni] = await db.insert(municipality).values({ name: 'Бенч-город', regionId: reg.id }).returning();
    const [org] = await db
      .insert(organization)
      .values({ kind: 'school', shortName: 'МБОУ СОШ № 1', fullName: 'Школа № 1', municipalityId: muni.id })
      .returning();
    const [form] = await db
      .insert(activityForm)
      .values({ code: 'bench-mk', title: 'Мастер-класс' })
      .returning();
    const [ev] = await db
      .insert(event)
      .values({
        kind: 'pedagogical_session',
        title: 'Бенч-сессия',
        hostOrganizationId: org.id,
        startDate: '2026-08-25',
        endDate: '2026-08-26',
        schedulePublished: true,
      })
      .returning();
    const rooms = await db
      .insert(room)
      .values(
        Array.from({ length: 10 }, (_, i) => ({ eventId: ev.id, name: `Кабинет ${i + 1}`, capacity: 30 })),
      )
      .returning();
    const people = await db
      .insert(person)
      .values(
        Array.from({ length: 2300 }, (_, i) => ({
          surname: `Фамилия${i}`,
          name: 'Мария',
          patronymic: 'Петровна',
          organizationId: org.id,
        })),
      )
      .returning({ id: person.id });
    const presenters = people.slice(0, 300);
    const listeners = people.slice(300);
    const acts: (typeof activity.$inferInsert)[] = [];
    for (const day of ['2026-08-25', '2026-08-26'])
      for (let s = 0; s < 15; s++)
        for (const r of rooms) {
          const startsAt = new Date(`${day}T08:00:00+03:00`);
          startsAt.setMinutes(startsAt.getMinutes() + s * 40);
          acts.push({
            eventId: ev.id,
            formId: form.id,
            title: `Тема ${acts.length + 1}`,
            roomId: r.id,
            startsAt,
            endsAt: new Date(startsAt.getTime() + 35 * 60_000),
          });
        }
    const activities = await db.insert(activity).values(acts).returning({ id: activity.id });
    await db
      .insert(activityPresenter)
      .values(activities.map((a, i) => ({ activityId: a.id, personId: presenters[i].id })));
    // 2,000 registrations: listener i → activity (i*7) mod 300; the bench user (listener 0) gets 12 more
    const regs = listeners.map((p, i) => ({ activityId: activities[(i * 7) % 300].id, personId: p.id }));
    const me = listeners[0];
    for (let k = 1; k <= 12; k++) regs.push({ activityId: activities[(k * 23) % 300].id, personId: me.id });
    const unique = new Map(regs.map((r) => [`${r.activityId}|${r.personId}`, r]));
    await db.insert(registration).values([...unique.values()]);
    await createUserWithGrants(ctx, null, {
      email: 'bench@example.ru',
      name: 'Бенч',
      password: 'correct-horse-42',
      personId: me.id,
      grants: [{ role: 'teacher', scopeType: 'organization', scopeId: org.id }],
    });
    await database.pool.query('analyze');
    log(`data: 300 activities, ${unique.size} registrations in ${Math.round(performance.now() - t0)} ms`);

    const app = await buildApp(ctx, { trustProxy: true });
    await app.ready();
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'bench@example.ru', password: 'correct-horse-42' },
    });
    const set = signIn.headers['set-cookie'];
    const cookie = (Array.isArray(set) ? set : [String(set)]).map((c) => c.split(';')[0]).join('; ');

    const cases = [
      {
        name: 'public programme GET /api/public/events/:id/schedule',
        url: `/api/public/events/${ev.id}/schedule`,
        headers: {},
      },
      {
        name: 'personal schedule GET /api/me/schedule?past=true',
        url: '/api/me/schedule?past=true',
        headers: { cookie },
      },
      {
        name: 'programme for a signed-in teacher GET /api/events/:id/schedule',
        url: `/api/events/${ev.id}/schedule`,
        headers: { cookie },
      },
    ];
    const results: Record<string, unknown>[] = [];
    for (const c of cases) {
      for (let i = 0; i < 5; i++) await app.inject({ method: 'GET', url: c.url, headers: c.headers }); // warm-up
      const times: number[] = [];
      let bytes = 0;
      let items = 0;
      for (let i = 0; i < 40; i++) {
        const s = performance.now();
        const res = await app.inject({ method: 'GET', url: c.url, headers: c.headers });
        times.push(performance.now() - s);
        if (res.statusCode !== 200) throw new Error(`${c.url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        bytes = res.body.length;
        const body = res.json();
        items = body.items
          ? body.items.length
          : body.days.reduce((n: number, d: { activities: unknown[] }) => n + d.activities.length, 0);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)];
      const p95 = times[Math.floor(times.length * 0.95)];
      results.push({
        case: c.name,
        items,
        kb: Math.round(bytes / 1024),
        medianMs: +median.toFixed(1),
        p95Ms: +p95.toFixed(1),
      });
    }
    // the service alone (database + assembly, no HTTP, no response validation)
    const svc: number[] = [];
    for (let i = 0; i < 40; i++) {
      const s = performance.now();
      await getSchedule(ctx, null, ev.id, { publicOnly: true });
      svc.push(performance.now() - s);
    }
    svc.sort((a, b) => a - b);
    results.push({
      case: 'getSchedule() service only, 300 activities',
      items: 300,
      medianMs: +svc[20].toFixed(1),
      p95Ms: +svc[38].toFixed(1),
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    for (const [i, c] of cases.slice(0, 2).entries()) {
      const r = await autocannon({
        url: `${address}${c.url}`,
        connections: 50,
        duration: 5,
        headers: c.headers,
      });
      Object.assign(results[i], {
        rps: Math.round(r.requests.average),
        latencyP50: r.latency.p50,
        latencyP99: r.latency.p99,
        non2xx: r.non2xx,
      });
    }
    await app.close();
    await new Promise((r) => setTimeout(r, 500)); // let better-auth's background session writes settle
    console.table(results);
    fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
    fs.writeFileSync(
      path.join(import.meta.dirname, 'results', 'schedule.json'),
      JSON.stringify(results, null, 2),
    );
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${dbName}`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// Test factories of the certificate tests: events, activities, presenters and attendance written directly,
// and a small PDF text reader (inflates streams, maps glyph ids through the fonts' ToUnicode maps).
import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import { buildOrganization } from '../../../../tests/harness/factories.js';
import type { TestApp } from '../../../../tests/harness/test-app.js';
import { activity, activityForm, activityPresenter, attendance, event } from '../events/events.tables.js';

export async function buildEvent(t: TestApp, o: Partial<typeof event.$inferInsert> = {}) {
  const hostOrganizationId = o.hostOrganizationId ?? (await buildOrganization(t)).id;
  const [e] = await t.ctx.db
    .insert(event)
    .values({
      kind: 'pedagogical_session',
      title: 'Педагогическая сессия — 2026',
      startDate: '2026-10-12',
      endDate: '2026-10-14',
      status: 'completed',
      ...o,
      hostOrganizationId,
    })
    .returning();
  return e;
}

const FORM_TITLES: Record<string, string> = {
  master_class: 'Мастер-класс',
  open_lesson: 'Открытый урок',
  creative_report: 'Творческий отчёт',
  business_game: 'Деловая игра',
};

export async function buildForm(t: TestApp, code: string) {
  await t.ctx.db
    .insert(activityForm)
    .values({ code, title: FORM_TITLES[code] ?? code })
    .onConflictDoNothing();
  const [f] = await t.ctx.db.select().from(activityForm).where(eq(activityForm.code, code));
  return f;
}

export async function buildActivity(
  t: TestApp,
  eventId: string,
  o: { formCode?: string; topic?: string; presenterIds?: string[]; listenerIds?: string[] } = {},
) {
  const form = await buildForm(t, o.formCode ?? 'master_class');
  const [a] = await t.ctx.db
    .insert(activity)
    .values({
      eventId,
      formId: form.id,
      title: `${form.title} ${randomUUID().slice(0, 4)}`,
      topic: o.topic ?? 'Формирующее оценивание на уроках математики',
      startsAt: new Date('2026-10-12T10:00:00+03:00'),
      endsAt: new Date('2026-10-12T11:00:00+03:00'),
    })
    .returning();
  for (const personId of o.presenterIds ?? []) {
    await t.ctx.db.insert(activityPresenter).values({ activityId: a.id, personId });
  }
  for (const personId of o.listenerIds ?? []) {
    await t.ctx.db.insert(attendance).values({ activityId: a.id, personId });
  }
  return a;
}

/** The text a PDF shows, one string per text-showing operator, read through the ToUnicode maps. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  const re = /(\d+) 0 obj\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('\nendobj', start);
    const body = raw.slice(start, end);
    const s = body.indexOf('stream\n');
    let stream: Buffer | null = null;
    let dict = body;
    if (s >= 0 && body.startsWith('<<')) {
      dict = body.slice(0, s);
      const len = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const bytes = pdf.subarray(start + s + 7, start + s + 7 + len);
      stream = dict.includes('/FlateDecode') ? zlib.inflateSync(bytes) : Buffer.from(bytes);
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  const cmapOf = (fontObj: number) => {
    const tu = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObj)?.dict ?? '')?.[1];
    const text = objects.get(Number(tu))?.stream?.toString('latin1') ?? '';
    const map = new Map<string, string>();
    for (const m of text.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})>/g)) {
      map.set(m[1], String.fromCharCode(Number.parseInt(m[2], 16)));
    }
    return map;
  };
  const out: string[] = [];
  for (const { dict } of objects.values()) {
    if (!dict.includes('/Type /Page ')) continue;
    const fonts = new Map<string, Map<string, string>>();
    for (const m of dict.matchAll(/\/(\w+) (\d+) 0 R/g))
      if (m[1] === 'R' || m[1] === 'B') fonts.set(m[1], cmapOf(Number(m[2])));
    const contents = Number(/\/Contents (\d+) 0 R/.exec(dict)?.[1]);
    const ops = objects.get(contents)?.stream?.toString('latin1') ?? '';
    let current = fonts.get('R')!;
    for (const m of ops.matchAll(/\/(R|B) [\d.]+ Tf|<([0-9a-f]+)> Tj/g)) {
      if (m[1]) current = fonts.get(m[1])!;
      else {
        let s = '';
        for (let i = 0; i < m[2].length; i += 4) s += current.get(m[2].slice(i, i + 4)) ?? '?';
        out.push(s);
      }
    }
  }
  return out.join('\n');
}

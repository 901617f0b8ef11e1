// Helpers of the event-flow browser test: dates relative to today, signed-in browser contexts, antd selects,
// and the setup that is not part of the flow itself (an event with an open call and a room, a guest listener).
import zlib from 'node:zlib';
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
} from '@playwright/test';

export type Account = { email: string; password: string };

/** The demo teacher (МАОУ СОШ № 1), who applies to present. */
export const TEACHER: Account = { email: 'teacher@rost.local', password: 'rost-teacher-2026' };

/** A date `days` from today as YYYY-MM-DD (the calendar day in Moscow, where the browser runs). */
export function isoDay(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(d);
}

/** YYYY-MM-DD → dd.MM.yyyy, as the interface shows dates. */
export function ruDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** The options every context of these tests runs with (a context opened by hand does not inherit `use`). */
function contextOptions() {
  const baseURL = process.env.E2E_BASE_URL;
  if (!baseURL)
    throw new Error('E2E_BASE_URL is not set: run the browser tests through node scripts/e2e.mjs');
  return { baseURL, locale: 'ru-RU', timezoneId: 'Europe/Moscow' } as const;
}

/** A browser context nobody is signed in to (e.g. a visitor opening a certificate's QR code). */
export function anonymousContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext(contextOptions());
}

/** A browser context signed in as the demo methodologist (the session global-setup saved). */
export function methodologistContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ ...contextOptions(), storageState: process.env.E2E_STORAGE_STATE });
}

/** A browser context signed in with e-mail and password (the session cookie lands in the context). */
export async function signedInContext(browser: Browser, account: Account): Promise<BrowserContext> {
  const context = await browser.newContext(contextOptions());
  const res = await context.request.post('/api/auth/sign-in/email', { data: account });
  expect(res.ok(), `${account.email} cannot sign in: ${await res.text()}`).toBeTruthy();
  return context;
}

async function ok<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(res.ok(), `${res.url()} → ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

export type FlowEvent = { id: string; title: string; startDate: string; endDate: string };

/**
 * Setup, not the flow under test: a two-day seminar hosted by an organisation the methodologist manages,
 * its dates approved by both bodies, the call open from yesterday for a week, and two rooms.
 */
export async function createEventWithOpenCall(request: APIRequestContext, title: string): Promise<FlowEvent> {
  const orgs = await ok<{ items: { id: string; shortName: string; canEdit: boolean }[] }>(
    await request.get('/api/organizations', { params: { pageSize: 200, q: 'СОШ № 1' } }),
  );
  const host =
    orgs.items.find((o) => o.canEdit && o.shortName === 'МАОУ СОШ № 1') ?? orgs.items.find((o) => o.canEdit);
  if (!host) throw new Error('The methodologist manages no organisation');
  const startDate = isoDay(14);
  const endDate = isoDay(15);
  const created = await ok<{ id: string }>(
    await request.post('/api/events', {
      data: {
        kind: 'seminar',
        title,
        theme: 'Функциональная грамотность',
        hostOrganizationId: host.id,
        startDate,
        endDate,
        venue: 'МАОУ СОШ № 1',
        audienceOrganizationIds: [host.id],
      },
    }),
  );
  for (const body of ['education_committee', 'methodological_centre'])
    await ok(
      await request.post(`/api/events/${created.id}/approve`, { data: { body, decision: 'approved' } }),
    );
  await ok(
    await request.post(`/api/events/${created.id}/publish-call`, {
      data: {
        conditions: 'Приглашаются педагоги школ района.',
        procedure: 'Заявка подаётся в «Росте».',
        applicationsOpenFrom: isoDay(-1),
        applicationsOpenUntil: isoDay(7),
      },
    }),
  );
  for (const room of [
    { name: 'Ауд. 101', capacity: 30 },
    { name: 'Актовый зал', capacity: 120 },
  ])
    await ok(await request.post(`/api/events/${created.id}/rooms`, { data: room }));
  return { id: created.id, title, startDate, endDate };
}

export type Listener = Account & { fullName: string };

/**
 * Setup, not the flow under test: an external participant registers as a guest (S0-9) through the public API,
 * choosing an organisation from the directory. Returns their credentials and full name.
 */
export async function registerGuestListener(browser: Browser, stamp: string): Promise<Listener> {
  const context = await anonymousContext(browser);
  try {
    const found = await ok<{ items: { id: string }[] }>(
      await context.request.get('/api/public/organizations', { params: { q: 'Гимназия' } }),
    );
    const listener = {
      email: `listener.${stamp}@e2e.rost.local`,
      password: 'listener-e2e-2026',
      surname: 'Слушателева',
      name: 'Ирина',
      patronymic: 'Павловна',
    };
    await ok(
      await context.request.post('/api/public/guest-registrations', {
        data: {
          ...listener,
          position: 'учитель',
          ...(found.items[0]
            ? { organizationId: found.items[0].id }
            : { proposedOrganization: { name: 'МБОУ СОШ № 3', locality: 'г. Энск' } }),
        },
      }),
    );
    return {
      email: listener.email,
      password: listener.password,
      fullName: `${listener.surname} ${listener.name} ${listener.patronymic}`,
    };
  } finally {
    await context.close();
  }
}

/**
 * Picks `option` in an antd Select: opens it, waits for the popup to finish its opening animation (a click
 * during it is lost), clicks the option and waits for the popup to close.
 */
export async function choose(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  await select.click();
  const popup = page.locator(
    '.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"])',
  );
  await popup.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

/**
 * The text a certificate PDF shows, one line per text-showing operator. Rost writes text as glyph ids with
 * ToUnicode maps (src/server/documents/certificate-pdf.ts); this reads them back the way
 * certificates.test-helpers.ts' pdfText does, kept here so the browser tests need no server test harness.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  const re = /(\d+) 0 obj\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const body = raw.slice(start, raw.indexOf('\nendobj', start));
    const s = body.indexOf('stream\n');
    let dict = body;
    let stream: Buffer | null = null;
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
    for (const m of text.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})>/g))
      map.set(m[1], String.fromCharCode(Number.parseInt(m[2], 16)));
    return map;
  };
  const out: string[] = [];
  for (const { dict } of objects.values()) {
    if (!dict.includes('/Type /Page ')) continue;
    const fonts = new Map<string, Map<string, string>>();
    for (const m of dict.matchAll(/\/(\w+) (\d+) 0 R/g))
      if (m[1] === 'R' || m[1] === 'B') fonts.set(m[1], cmapOf(Number(m[2])));
    const ops = objects.get(Number(/\/Contents (\d+) 0 R/.exec(dict)?.[1]))?.stream?.toString('latin1') ?? '';
    let font = fonts.get('R');
    for (const m of ops.matchAll(/\/(R|B) [\d.]+ Tf|<([0-9a-f]+)> Tj/g)) {
      if (m[1]) font = fonts.get(m[1]);
      else {
        let line = '';
        for (let i = 0; i < m[2].length; i += 4) line += font?.get(m[2].slice(i, i + 4)) ?? '?';
        out.push(line);
      }
    }
  }
  return out.join('\n');
}

// Demo data: a region, two municipalities, twelve organisations, about 250 people with realistic Russian names,
// and four demo accounts. Deterministic (seeded PRNG; dates anchored to the current academic year) and
// idempotent: the directory is created once (skipped when the demo region exists), missing accounts are added.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { loadConfig } from '../../config/config.js';
import type { Tx } from '../../db/db.js';
import { user } from '../../db/schema.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import {
  employment,
  municipality,
  organization,
  type PersonStatus,
  person,
  type QualificationCategory,
  region,
} from '../directory/index.js';
import { createUserWithGrants, type TGrantInput } from '../identity/index.js';
import { innWithChecksum } from '../imports/index.js';
import { seedDemoConference } from './demo.conference.js';
import { DEMO_ACCOUNTS, DEMO_MUNICIPALITIES, DEMO_ORGANIZATIONS, DEMO_REGION, STAFF } from './demo.data.js';
import { seedDemoEvents } from './demo.events.js';
import { between, pick, type Rng, randomFullName, seededRandom, translit } from './demo.names.js';

const SEED = 20260901;
const SCHOOL_OF_DEMO_ACCOUNTS = 'МАОУ СОШ № 1';
const CENTRE = 'ИМЦ Берёзовского ГО';
const DIRECTOR_NAME = 'Кузнецов Андрей Викторович';

export async function isDatabaseEmpty(ctx: AppContext): Promise<boolean> {
  const r = await ctx.db.execute<{ empty: boolean }>(
    sql`select not exists (select 1 from ${organization}) and not exists (select 1 from ${user}) as empty`,
  );
  return r.rows[0]?.empty === true;
}

export type SeedResult = { directoryCreated: boolean; accountsCreated: string[] };

export async function seedDemo(ctx: AppContext): Promise<SeedResult> {
  const [existing] = await ctx.db
    .select({ id: region.id })
    .from(region)
    .where(eq(region.name, DEMO_REGION.name))
    .limit(1);
  const directoryCreated = !existing;
  if (!existing) await ctx.db.transaction((tx) => createDirectory(tx, anchorDate()));
  const accountsCreated = await ensureAccounts(ctx);
  await seedDemoEvents(ctx);
  await seedDemoConference(ctx);
  return { directoryCreated, accountsCreated };
}

/** 1 September of the current academic year: demo dates count back from it, so a run gives the same data all year. */
function anchorDate(now = new Date()): { year: number } {
  return { year: now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1 };
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

type PersonDraft = typeof person.$inferInsert;
type JobDraft = { org: number; from: string; to: string | null; position: string | null };

const CATEGORY_WEIGHTS: [QualificationCategory, number][] = [
  ['none', 8],
  ['position_compliance', 22],
  ['first', 35],
  ['highest', 30],
  ['methodologist', 3],
  ['mentor', 2],
];

function weighted<T>(rnd: Rng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items[items.length - 1][0];
}

async function createDirectory(tx: Tx, anchor: { year: number }): Promise<void> {
  const rnd = seededRandom(SEED);
  const Y = anchor.year;
  const [reg] = await tx.insert(region).values(DEMO_REGION).returning();
  const munis = await tx
    .insert(municipality)
    .values(DEMO_MUNICIPALITIES.map((name) => ({ regionId: reg.id, name })))
    .returning();
  const orgs = await tx
    .insert(organization)
    .values(
      DEMO_ORGANIZATIONS.map((o, i) => ({
        municipalityId: munis[o.municipality].id,
        kind: o.kind,
        shortName: o.shortName,
        fullName: o.fullName,
        address: o.address,
        inn: innWithChecksum(`${o.innPrefix}${String(101 + i * 37).padStart(3, '0')}`),
        email: o.email,
        phone: o.phone,
      })),
    )
    .returning();

  const names = new Set<string>();
  const emails = new Set<string>(DEMO_ACCOUNTS.map((a) => a.email));
  const people: PersonDraft[] = [];
  const jobs: JobDraft[][] = [];
  let teacherLinked = false;
  DEMO_ORGANIZATIONS.forEach((o, orgIndex) => {
    STAFF[o.staff].forEach((slot, slotIndex) => {
      let fio = randomFullName(rnd, o.staff === 'college' ? 0.6 : 0.82);
      while (names.has(`${fio.surname} ${fio.name} ${fio.patronymic}`)) fio = randomFullName(rnd);
      names.add(`${fio.surname} ${fio.name} ${fio.patronymic}`);

      const young = rnd() < 0.12;
      const age = young ? between(rnd, 22, 26) : between(rnd, 27, 63);
      const birthYear = Y - age;
      const birthDate = iso(birthYear, between(rnd, 1, 12), between(rnd, 1, 28));
      const expYear = young
        ? Y - between(rnd, 0, 2)
        : between(rnd, birthYear + 21, Math.max(birthYear + 21, Y - 3));
      const experienceStart = young
        ? iso(expYear, 9, 1)
        : iso(expYear, pick(rnd, [8, 9, 9, 9, 10]), between(rnd, 1, 28));
      const category: QualificationCategory = young ? 'none' : weighted(rnd, CATEGORY_WEIGHTS);
      const categoryDate =
        category === 'none'
          ? null
          : iso(
              between(rnd, Math.min(Y - 1, Math.max(expYear + 2, Y - 5)), Y - 1),
              between(rnd, 1, 12),
              between(rnd, 1, 28),
            );
      const status: PersonStatus = !young && rnd() < 0.02 ? 'left' : 'active';

      let email: string | null = null;
      if (o.shortName === CENTRE && slotIndex === 0) email = 'metodist@rost.local';
      else if (o.shortName === SCHOOL_OF_DEMO_ACCOUNTS && slot.position === 'учитель' && !teacherLinked) {
        email = 'teacher@rost.local';
        teacherLinked = true;
      } else if (rnd() < 0.78) {
        const base = `${translit(fio.surname)}.${translit(fio.name)[0]}${translit(fio.patronymic)[0]}`;
        const domain = o.email.split('@')[1];
        email = `${base}@${domain}`;
        for (let n = 2; emails.has(email); n++) email = `${base}${n}@${domain}`;
      }
      if (email) emails.add(email);
      const phone =
        rnd() < 0.6
          ? `+7 (9${between(rnd, 0, 9)}${between(rnd, 0, 9)}) ${between(rnd, 100, 999)}-${between(rnd, 10, 99)}-${between(rnd, 10, 99)}`
          : null;

      people.push({
        surname: fio.surname,
        name: fio.name,
        patronymic: fio.patronymic,
        gender: fio.gender,
        email,
        phone,
        birthDate,
        position: slot.position,
        subjects: slot.subjects ?? [],
        experienceStart,
        category,
        categoryDate,
        organizationId: orgs[orgIndex].id,
        status,
      });

      // employment: here since the start of experience, or moved from another organisation of the same kind
      const history: JobDraft[] = [];
      const moved = !young && rnd() < 0.18;
      const sameKind = DEMO_ORGANIZATIONS.map((x, i) => [x, i] as const).filter(
        ([x, i]) => x.kind === o.kind && i !== orgIndex,
      );
      let hired = experienceStart;
      if (moved && sameKind.length) {
        hired = iso(between(rnd, expYear + 1, Math.max(expYear + 1, Y - 1)), 9, 1);
        history.push({
          org: pick(rnd, sameKind)[1],
          from: experienceStart,
          to: hired,
          position: slot.position,
        });
      }
      history.push({
        org: orgIndex,
        from: hired,
        to: status === 'left' ? iso(Y, 6, 30) : null,
        position: slot.position,
      });
      jobs.push(history);
    });
  });

  const inserted = await tx.insert(person).values(people).returning({ id: person.id });
  const rows = inserted.flatMap((p, i) =>
    jobs[i].map((j) => ({
      personId: p.id,
      organizationId: orgs[j.org].id,
      position: j.position,
      from: j.from,
      to: j.to,
    })),
  );
  await tx.insert(employment).values(rows);
  await audit(tx, null, 'create', 'region', reg.id, null, {
    demo: true,
    name: reg.name,
    municipalities: munis.length,
    organizations: orgs.length,
    people: inserted.length,
  });
}

/** Creates the demo accounts that do not exist yet; returns the e-mails created. */
async function ensureAccounts(ctx: AppContext): Promise<string[]> {
  const present = new Set(
    (
      await ctx.db
        .select({ email: user.email })
        .from(user)
        .where(
          inArray(
            user.email,
            DEMO_ACCOUNTS.map((a) => a.email),
          ),
        )
    ).map((u) => u.email),
  );
  const missing = DEMO_ACCOUNTS.filter((a) => !present.has(a.email));
  if (!missing.length) return [];

  const [muni] = await ctx.db
    .select({ id: municipality.id })
    .from(municipality)
    .innerJoin(region, eq(region.id, municipality.regionId))
    .where(and(eq(region.name, DEMO_REGION.name), eq(municipality.name, DEMO_MUNICIPALITIES[0])))
    .limit(1);
  const [school] = muni
    ? await ctx.db
        .select({ id: organization.id })
        .from(organization)
        .where(
          and(eq(organization.municipalityId, muni.id), eq(organization.shortName, SCHOOL_OF_DEMO_ACCOUNTS)),
        )
        .limit(1)
    : [];
  const linked = await ctx.db
    .select({
      id: person.id,
      email: person.email,
      surname: person.surname,
      name: person.name,
      patronymic: person.patronymic,
    })
    .from(person)
    .where(inArray(person.email, ['metodist@rost.local', 'teacher@rost.local']));
  const personOf = (email: string) => linked.find((p) => p.email === email);
  const fullName = (p: { surname: string; name: string; patronymic: string | null }) =>
    [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');

  const created: string[] = [];
  for (const a of missing) {
    let grants: TGrantInput[];
    let name: string;
    let personId: string | null = null;
    if (a.role === 'admin') {
      grants = [{ role: 'admin', scopeType: 'global', scopeId: null }];
      name = 'Администратор «Роста»';
    } else if (a.role === 'methodologist') {
      if (!muni) continue;
      grants = [{ role: 'methodologist', scopeType: 'municipality', scopeId: muni.id }];
      const p = personOf(a.email);
      personId = p?.id ?? null;
      name = p ? fullName(p) : 'Методист';
    } else if (a.role === 'organization_head') {
      if (!school) continue;
      grants = [{ role: 'organization_head', scopeType: 'organization', scopeId: school.id }];
      name = DIRECTOR_NAME;
    } else {
      if (!school) continue;
      grants = [{ role: 'teacher', scopeType: 'organization', scopeId: school.id }];
      const p = personOf(a.email);
      personId = p?.id ?? null;
      name = p ? fullName(p) : 'Педагог';
    }
    await createUserWithGrants(ctx, null, { email: a.email, name, password: a.password, personId, grants });
    created.push(a.email);
  }
  return created;
}

function configuredUrl(): string {
  try {
    return loadConfig().publicUrl;
  } catch {
    return 'http://localhost:3000';
  }
}

/** The demo accounts, for the terminal. */
export function printDemoAccounts(log: (m: string) => void, publicUrl?: string): void {
  const url = publicUrl ?? configuredUrl();
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  const lines = [
    '',
    '──────────────── Демонстрационные учётные записи «Роста» ────────────────',
    `Откройте ${url} и войдите:`,
    '',
    ...DEMO_ACCOUNTS.map(
      (a) => `  ${a.email.padEnd(width)}  пароль: ${a.password.padEnd(19)} ${a.label} (${a.scope})`,
    ),
    '',
    'Пароли демонстрационные — смените их или отключите записи перед реальной работой.',
    '──────────────────────────────────────────────────────────────────────────',
    '',
  ];
  for (const l of lines) log(l);
}

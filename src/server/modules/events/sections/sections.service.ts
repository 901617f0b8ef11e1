// Sections of a research-practice conference (НПК, S2-4): managers of the event add, rename and remove them;
// anyone who can see the event reads them. Only events of kind `research_conference` have sections.
import { and, count, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import reference from '../../../../shared/reference.json' with { type: 'json' };
import type { DbOrTx } from '../../../db/db.js';
import { type Actor, forbid, requireActor } from '../../../platform/actor.js';
import { audit } from '../../../platform/audit.js';
import type { AppContext } from '../../../platform/context.js';
import { loadEventFor } from '../events.service.js';
import { activity, application, eventSection } from '../events.tables.js';
import { SectionErrors } from './sections.errors.js';
import type { TSection, TSectionCreate, TSectionUpdate } from './sections.schemas.js';

type SectionRow = typeof eventSection.$inferSelect;
const SUBJECTS = new Set<string>(reference.subjects.items);

/** The subject must come from the catalogue of school subjects (src/shared/reference.json). */
function checkSubject(subject: string | null | undefined) {
  if (subject && !SUBJECTS.has(subject))
    throw SectionErrors.SECTION_UNKNOWN_SUBJECT({ subject }, { field: 'subject' });
}

async function checkTitleFree(db: DbOrTx, eventId: string, title: string, exceptId?: string) {
  const [hit] = await db
    .select({ id: eventSection.id })
    .from(eventSection)
    .where(
      and(
        eq(eventSection.eventId, eventId),
        sql`lower(${eventSection.title}) = lower(${title})`,
        exceptId ? ne(eventSection.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (hit) throw SectionErrors.SECTION_TITLE_TAKEN({ title }, { field: 'title' });
}

async function countsOf(db: DbOrTx, sectionIds: string[]) {
  if (!sectionIds.length) return { apps: new Map<string, number>(), acts: new Map<string, number>() };
  const [apps, acts] = await Promise.all([
    db
      .select({ id: application.sectionId, n: count() })
      .from(application)
      .where(
        and(
          inArray(application.sectionId, sectionIds),
          notInArray(application.status, ['draft', 'withdrawn']),
        ),
      )
      .groupBy(application.sectionId),
    db
      .select({ id: activity.sectionId, n: count() })
      .from(activity)
      .where(inArray(activity.sectionId, sectionIds))
      .groupBy(activity.sectionId),
  ]);
  return {
    apps: new Map(apps.map((r) => [r.id as string, r.n])),
    acts: new Map(acts.map((r) => [r.id as string, r.n])),
  };
}

async function toDtos(db: DbOrTx, rows: SectionRow[]): Promise<TSection[]> {
  const { apps, acts } = await countsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    eventId: r.eventId,
    title: r.title,
    subject: r.subject,
    applications: apps.get(r.id) ?? 0,
    activities: acts.get(r.id) ?? 0,
  }));
}

/** Anyone who can see the event (a draft only its managers); other kinds simply have none. */
export async function listSections(ctx: AppContext, actorIn: Actor | null, eventId: string) {
  const actor = requireActor(actorIn);
  const { canManage } = await loadEventFor(ctx.db, actor, eventId);
  const rows = await ctx.db
    .select()
    .from(eventSection)
    .where(eq(eventSection.eventId, eventId))
    .orderBy(sql`${eventSection.title} collate ru_icu`, eventSection.id);
  return { items: await toDtos(ctx.db, rows), canManage };
}

/** 401 → 404 (unseen event) → 403 (not a manager) → 409 (not a conference). Locks the event row. */
async function loadManagedConference(db: DbOrTx, actor: Actor, eventId: string) {
  const loaded = await loadEventFor(db, actor, eventId, true);
  if (!loaded.canManage) forbid();
  if (loaded.row.kind !== 'research_conference') throw SectionErrors.SECTIONS_ONLY_FOR_CONFERENCE();
  return loaded;
}

export async function createSection(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  body: TSectionCreate,
): Promise<TSection> {
  const actor = requireActor(actorIn);
  const row = await ctx.db.transaction(async (tx) => {
    await loadManagedConference(tx, actor, eventId);
    checkSubject(body.subject);
    await checkTitleFree(tx, eventId, body.title);
    const [r] = await tx
      .insert(eventSection)
      .values({ eventId, title: body.title, subject: body.subject || null })
      .returning();
    await audit(tx, actor, 'create', 'event_section', r.id, undefined, r);
    return r;
  });
  return (await toDtos(ctx.db, [row]))[0];
}

/** The section and its event for a change: 404 when the section is unknown or its event unseen. */
async function loadForChange(tx: DbOrTx, actor: Actor, id: string) {
  const [before] = await tx.select().from(eventSection).where(eq(eventSection.id, id)).limit(1);
  if (!before) throw SectionErrors.SECTION_NOT_FOUND();
  await loadManagedConference(tx, actor, before.eventId).catch((e: { code?: string }) => {
    if (e?.code === 'EVENT_NOT_FOUND') throw SectionErrors.SECTION_NOT_FOUND();
    throw e;
  });
  return before;
}

export async function updateSection(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  body: TSectionUpdate,
): Promise<TSection> {
  const actor = requireActor(actorIn);
  const row = await ctx.db.transaction(async (tx) => {
    const before = await loadForChange(tx, actor, id);
    checkSubject(body.subject);
    if (body.title !== undefined) await checkTitleFree(tx, before.eventId, body.title, id);
    const patch: Partial<SectionRow> = {};
    if (body.title !== undefined) patch.title = body.title;
    if (body.subject !== undefined) patch.subject = body.subject || null;
    if (!Object.keys(patch).length) return before;
    const [after] = await tx.update(eventSection).set(patch).where(eq(eventSection.id, id)).returning();
    await audit(tx, actor, 'update', 'event_section', id, before, after);
    return after;
  });
  return (await toDtos(ctx.db, [row]))[0];
}

/** Refused while applications (other than drafts and withdrawn ones) or programme items sit in the section. */
export async function deleteSection(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requireActor(actorIn);
  await ctx.db.transaction(async (tx) => {
    const before = await loadForChange(tx, actor, id);
    const [[{ apps }], [{ acts }]] = await Promise.all([
      tx
        .select({ apps: count() })
        .from(application)
        .where(and(eq(application.sectionId, id), notInArray(application.status, ['draft', 'withdrawn']))),
      tx.select({ acts: count() }).from(activity).where(eq(activity.sectionId, id)),
    ]);
    if (apps > 0 || acts > 0) throw SectionErrors.SECTION_IN_USE({ applications: apps, activities: acts });
    await tx.delete(eventSection).where(eq(eventSection.id, id));
    await audit(tx, actor, 'delete', 'event_section', id, before, undefined);
  });
  return { ok: true as const };
}

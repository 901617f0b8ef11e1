// The final report of an event (S0-8): participants by organisation, municipality, region and role; activities
// by form; attendance; applications; feedback — as JSON for charts and as a DOCX with the organisers' conclusion.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/db.js';
import { type Actor, forbid, requireActor } from '../../../platform/actor.js';
import { audit } from '../../../platform/audit.js';
import type { AppContext } from '../../../platform/context.js';
import { municipality, organization, person, region } from '../../directory/index.js';
import {
  activity,
  activityForm,
  activityPresenter,
  application,
  attendance,
  event,
  staffAssignment,
} from '../events.tables.js';
import { addGeneratedMaterial } from '../materials/materials.service.js';
import { canManageEvent, loadEventPlace } from './feedback.access.js';
import { computeResults } from './feedback.results.service.js';
import { DOCX_MIME, reportDocx } from './report.docx.js';
import type { TReport } from './report.schemas.js';

async function requireManager(ctx: AppContext, actorIn: Actor | null, eventId: string) {
  const actor = requireActor(actorIn);
  const loaded = await loadEventPlace(ctx.db, eventId);
  if (!canManageEvent(actor, loaded.place)) forbid();
  return { actor, ...loaded };
}

type Counted = { label: string; count: number };

async function participants(db: DbOrTx, eventId: string) {
  const acts = sql`(select ${activity.id} from ${activity} where ${activity.eventId} = ${eventId})`;
  const presenters = await db
    .selectDistinct({ personId: activityPresenter.personId })
    .from(activityPresenter)
    .where(sql`${activityPresenter.activityId} in ${acts}`);
  const attendees = await db
    .selectDistinct({ personId: attendance.personId })
    .from(attendance)
    .where(sql`${attendance.activityId} in ${acts}`);
  const staff = await db
    .selectDistinct({ personId: staffAssignment.personId })
    .from(staffAssignment)
    .where(eq(staffAssignment.eventId, eventId));
  const presenterIds = new Set(presenters.map((r) => r.personId));
  const staffIds = new Set(staff.map((r) => r.personId));
  const listenerIds = new Set(
    attendees.map((r) => r.personId).filter((id) => !presenterIds.has(id) && !staffIds.has(id)),
  );
  const all = [...new Set([...presenterIds, ...listenerIds, ...staffIds])];
  return { presenterIds, listenerIds, staffIds, all };
}

async function groupPeople(db: DbOrTx, ids: string[]) {
  if (!ids.length) return { byOrganization: [], byMunicipality: [], byRegion: [] };
  const rows = await db
    .select({
      org: organization.shortName,
      mun: municipality.name,
      reg: region.name,
    })
    .from(person)
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .leftJoin(municipality, eq(municipality.id, organization.municipalityId))
    .leftJoin(region, eq(region.id, municipality.regionId))
    .where(
      sql`${person.id} in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  const tally = (pick: (r: (typeof rows)[number]) => string | null): Counted[] => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const k = pick(r) ?? 'Не указано';
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m.entries()]
      .map(([label, n]) => ({ label, count: n }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'ru'));
  };
  return {
    byOrganization: tally((r) => r.org),
    byMunicipality: tally((r) => r.mun),
    byRegion: tally((r) => r.reg),
  };
}

export async function buildReport(db: DbOrTx, eventId: string): Promise<TReport> {
  const [ev] = await db.select().from(event).where(eq(event.id, eventId));
  const p = await participants(db, eventId);
  const groups = await groupPeople(db, p.all);
  const byForm = await db
    .select({ label: sql<string>`coalesce(${activityForm.title}, 'Без формы')`, count: count() })
    .from(activity)
    .leftJoin(activityForm, eq(activityForm.id, activity.formId))
    .where(eq(activity.eventId, eventId))
    .groupBy(activityForm.title)
    .orderBy(sql`count(*) desc`);
  const perActivity = await db
    .select({
      id: activity.id,
      title: activity.title,
      // select-list SQL renders columns unqualified: the outer activity is named explicitly
      registered: sql<number>`(select count(*)::int from registration r where r.activity_id = "activity"."id" and r.status = 'registered')`,
      attended: sql<number>`(select count(*)::int from attendance a where a.activity_id = "activity"."id")`,
    })
    .from(activity)
    .where(eq(activity.eventId, eventId))
    .orderBy(asc(activity.startsAt), asc(activity.title));
  const apps = await db
    .select({ status: application.status, n: count() })
    .from(application)
    .where(and(eq(application.eventId, eventId), sql`${application.status} <> 'draft'`))
    .groupBy(application.status);
  const appCount = (s: string) => Number(apps.find((a) => a.status === s)?.n ?? 0);
  const registered = perActivity.reduce((s, a) => s + Number(a.registered), 0);
  const attended = perActivity.reduce((s, a) => s + Number(a.attended), 0);
  return {
    event: {
      id: ev!.id,
      title: ev!.title,
      startDate: ev!.startDate,
      endDate: ev!.endDate,
      venue: ev!.venue,
    },
    participants: {
      total: p.all.length,
      ...groups,
      byRole: [
        { label: 'Выступающие', count: p.presenterIds.size },
        { label: 'Слушатели', count: p.listenerIds.size },
        { label: 'Организационная группа', count: p.staffIds.size },
      ],
    },
    activitiesByForm: byForm.map((r) => ({ label: r.label, count: Number(r.count) })),
    attendance: {
      registered,
      attended,
      rate: registered > 0 ? Math.round((attended / registered) * 1000) / 1000 : null,
      byActivity: perActivity.map((a) => ({
        id: a.id,
        title: a.title,
        registered: Number(a.registered),
        attended: Number(a.attended),
      })),
    },
    applications: {
      total: apps.reduce((s, a) => s + Number(a.n), 0),
      accepted: appCount('accepted'),
      rejected: appCount('rejected'),
      other: apps.reduce((s, a) => s + Number(a.n), 0) - appCount('accepted') - appCount('rejected'),
    },
    feedback: {
      event: (await computeResults(db, eventId, 'event'))[0] ?? null,
      byForm: await computeResults(db, eventId, 'form'),
      byActivity: await computeResults(db, eventId, 'activity'),
    },
    conclusion: ev!.reportConclusion ?? '',
  };
}

export async function getReport(ctx: AppContext, actorIn: Actor | null, eventId: string): Promise<TReport> {
  await requireManager(ctx, actorIn, eventId);
  return buildReport(ctx.db, eventId);
}

export async function putConclusion(ctx: AppContext, actorIn: Actor | null, eventId: string, text: string) {
  const { actor, event: before } = await requireManager(ctx, actorIn, eventId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(event)
      .set({ reportConclusion: text || null, updatedAt: new Date() })
      .where(eq(event.id, eventId));
    await audit(
      tx,
      actor,
      'update',
      'event',
      eventId,
      { reportConclusion: before.reportConclusion },
      { reportConclusion: text || null },
    );
  });
  return { text };
}

export function reportFileName(title: string): string {
  return `Итоговая справка — ${title.replace(/[\\/:*?"<>|]/g, ' ').slice(0, 120)}.docx`;
}

export async function getReportDocx(ctx: AppContext, actorIn: Actor | null, eventId: string) {
  const { event: ev } = await requireManager(ctx, actorIn, eventId);
  const report = await buildReport(ctx.db, eventId);
  return { buffer: await reportDocx(report), fileName: reportFileName(ev.title), mime: DOCX_MIME };
}

/** POST /api/events/:id/report/save: the generated DOCX goes into the materials folder (final_report). */
export async function saveReportToFolder(ctx: AppContext, actorIn: Actor | null, eventId: string) {
  const { actor } = await requireManager(ctx, actorIn, eventId);
  const doc = await getReportDocx(ctx, actor, eventId);
  return addGeneratedMaterial(ctx, actor, eventId, {
    category: 'final_report',
    title: 'Итоговая справка',
    buffer: doc.buffer,
    fileName: doc.fileName,
    mime: doc.mime,
  });
}

// Feedback results (S0-7): means and distributions by activity, presenter, form or event, who has not answered,
// and the XLSX of the results.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/db.js';
import type { XlsxDocument } from '../../../documents/xlsx.js';
import { writeXlsx } from '../../../documents/xlsx.js';
import { type Actor, forbid, requireActor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { fullNameExpr, organization, person } from '../../directory/index.js';
import {
  activity,
  activityForm,
  activityPresenter,
  attendance,
  type FeedbackCriterion,
  feedbackForm,
  feedbackResponse,
} from '../events.tables.js';
import { canManageEvent, loadEventPlace } from './feedback.access.js';
import type { ResultsBy, TResultGroup } from './feedback.schemas.js';

import { activityOfEvent, type FormRow, formFor } from './feedback.service.js';

type ResponseRow = {
  activityId: string | null;
  formId: string;
  scores: Record<string, number>;
  comment: string | null;
};

function summarize(
  key: string,
  label: string,
  criteria: FeedbackCriterion[],
  rows: ResponseRow[],
  attendees: number,
): TResultGroup {
  return {
    key,
    label,
    responses: rows.length,
    attendees,
    responseRate: attendees > 0 ? Math.round((rows.length / attendees) * 1000) / 1000 : null,
    criteria: criteria.map((c) => {
      const values = rows.map((r) => r.scores[c.key]).filter((v): v is number => typeof v === 'number');
      const distribution = Array.from(
        { length: c.max - c.min + 1 },
        (_, i) => values.filter((v) => v === c.min + i).length,
      );
      const mean = values.length
        ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100
        : null;
      return { key: c.key, label: c.label, min: c.min, max: c.max, mean, distribution };
    }),
    comments: rows.map((r) => r.comment).filter((c): c is string => !!c),
  };
}

/** The criteria to report: the current form's, plus any older keys found in the responses. */
function criteriaOf(form: FormRow, rows: ResponseRow[], forms: Map<string, FormRow>): FeedbackCriterion[] {
  const out = [...form.criteria];
  const seen = new Set(out.map((c) => c.key));
  for (const r of rows) {
    const f = forms.get(r.formId);
    for (const c of f?.criteria ?? []) {
      if (!seen.has(c.key) && c.key in r.scores) {
        out.push(c);
        seen.add(c.key);
      }
    }
  }
  return out;
}

export async function computeResults(db: DbOrTx, eventId: string, by: ResultsBy): Promise<TResultGroup[]> {
  const rows: ResponseRow[] = await db
    .select({
      activityId: feedbackResponse.activityId,
      formId: feedbackResponse.formId,
      scores: feedbackResponse.scores,
      comment: feedbackResponse.comment,
    })
    .from(feedbackResponse)
    .where(eq(feedbackResponse.eventId, eventId));
  const formIds = [...new Set(rows.map((r) => r.formId))];
  const forms = new Map(
    (formIds.length ? await db.select().from(feedbackForm).where(inArray(feedbackForm.id, formIds)) : []).map(
      (f) => [f.id, f],
    ),
  );
  if (by === 'event') {
    const form = await formFor(db, eventId, 'event');
    const eventRows = rows.filter((r) => r.activityId === null);
    const [{ n }] = await db
      .select({ n: sql<number>`count(distinct ${attendance.personId})::int` })
      .from(attendance)
      .innerJoin(activity, eq(activity.id, attendance.activityId))
      .where(eq(activity.eventId, eventId));
    return [summarize('event', form.title, criteriaOf(form, eventRows, forms), eventRows, Number(n))];
  }
  const form = await formFor(db, eventId, 'activity');
  const acts = await db
    .select({
      id: activity.id,
      title: activity.title,
      formId: activity.formId,
      formTitle: activityForm.title,
      // select-list SQL renders columns unqualified: the outer activity is named explicitly
      attendees: sql<number>`(select count(*)::int from attendance a where a.activity_id = "activity"."id")`,
    })
    .from(activity)
    .leftJoin(activityForm, eq(activityForm.id, activity.formId))
    .where(eq(activity.eventId, eventId))
    .orderBy(asc(activity.startsAt), asc(activity.title));
  const activityRows = rows.filter((r) => r.activityId !== null);
  const crit = criteriaOf(form, activityRows, forms);
  const groupOf = new Map<string, { label: string; activityIds: Set<string> }>();
  const add = (key: string, label: string, activityId: string) => {
    const g = groupOf.get(key) ?? { label, activityIds: new Set<string>() };
    g.activityIds.add(activityId);
    groupOf.set(key, g);
  };
  if (by === 'activity') for (const a of acts) add(a.id, a.title, a.id);
  if (by === 'form') for (const a of acts) add(a.formId ?? 'none', a.formTitle ?? 'Без формы', a.id);
  if (by === 'presenter' && acts.length) {
    const pres = await db
      .select({ activityId: activityPresenter.activityId, personId: person.id, name: fullNameExpr })
      .from(activityPresenter)
      .innerJoin(person, eq(person.id, activityPresenter.personId))
      .where(
        inArray(
          activityPresenter.activityId,
          acts.map((a) => a.id),
        ),
      )
      .orderBy(sql`${fullNameExpr} collate ru_icu`);
    for (const p of pres) add(p.personId, p.name.trim(), p.activityId);
  }
  const attendeesOf = new Map(acts.map((a) => [a.id, Number(a.attendees)]));
  return [...groupOf.entries()].map(([key, g]) => {
    const gRows = activityRows.filter((r) => g.activityIds.has(r.activityId!));
    const att = [...g.activityIds].reduce((s, id) => s + (attendeesOf.get(id) ?? 0), 0);
    return summarize(key, g.label, crit, gRows, att);
  });
}

async function requireManager(ctx: AppContext, actorIn: Actor | null, eventId: string) {
  const actor = requireActor(actorIn);
  const loaded = await loadEventPlace(ctx.db, eventId);
  if (!canManageEvent(actor, loaded.place)) forbid();
  return { actor, ...loaded };
}

export async function getResults(ctx: AppContext, actorIn: Actor | null, eventId: string, by: ResultsBy) {
  await requireManager(ctx, actorIn, eventId);
  return { by, groups: await computeResults(ctx.db, eventId, by) };
}

/** Attendees who have not answered (for one activity, or for the event as a whole). */
export async function getMissing(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  q: { activityId?: string; page: number; pageSize: number },
) {
  await requireManager(ctx, actorIn, eventId);
  if (q.activityId) await activityOfEvent(ctx.db, eventId, q.activityId);
  const attendedWhere = q.activityId
    ? sql`${attendance.activityId} = ${q.activityId}`
    : sql`${attendance.activityId} in (select ${activity.id} from ${activity} where ${activity.eventId} = ${eventId})`;
  const answered = q.activityId
    ? sql`${feedbackResponse.activityId} = ${q.activityId}`
    : sql`${feedbackResponse.eventId} = ${eventId} and ${feedbackResponse.activityId} is null`;
  const where = sql`${person.id} in (select ${attendance.personId} from ${attendance} where ${attendedWhere})
    and ${person.id} not in (select ${feedbackResponse.personId} from ${feedbackResponse} where ${answered})`;
  const items = await ctx.db
    .select({
      personId: person.id,
      fullName: sql<string>`trim(${fullNameExpr})`,
      organizationName: organization.shortName,
      email: person.email,
    })
    .from(person)
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .where(where)
    .orderBy(sql`${fullNameExpr} collate ru_icu`)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ n }] = await ctx.db.select({ n: count() }).from(person).where(where);
  return { items, total: Number(n), page: q.page, pageSize: q.pageSize };
}

/**
 * Every attended activity of the event whose feedback the attendee has not given yet — the rule of getMissing
 * (attended, no response for that activity), for all activities and people at once. No access check: the
 * deadline reminders (a system job) call it.
 */
export async function unansweredAttendances(
  db: DbOrTx,
  eventId: string,
): Promise<{ personId: string; activityId: string; title: string; startsAt: Date }[]> {
  return db
    .select({
      personId: attendance.personId,
      activityId: activity.id,
      title: activity.title,
      startsAt: activity.startsAt,
    })
    .from(attendance)
    .innerJoin(activity, eq(activity.id, attendance.activityId))
    .where(
      and(
        eq(activity.eventId, eventId),
        sql`not exists (select 1 from ${feedbackResponse} where ${feedbackResponse.activityId} = ${attendance.activityId} and ${feedbackResponse.personId} = ${attendance.personId})`,
      ),
    )
    .orderBy(asc(attendance.personId), asc(activity.startsAt), asc(activity.title));
}

const BY_LABEL: Record<ResultsBy, string> = {
  activity: 'Мероприятие',
  presenter: 'Выступающий',
  form: 'Форма',
  event: 'Событие',
};

/** GET /api/events/:id/feedback/results.xlsx: one row per group and criterion. */
export async function resultsXlsx(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  by: ResultsBy,
): Promise<XlsxDocument> {
  await requireManager(ctx, actorIn, eventId);
  const groups = await computeResults(ctx.db, eventId, by);
  type Row = { g: TResultGroup; c: TResultGroup['criteria'][number] };
  const rows: Row[] = groups.flatMap((g) => g.criteria.map((c) => ({ g, c })));
  const dist = (i: number) => (r: Row) => (r.c.min + i <= r.c.max ? (r.c.distribution[i] ?? 0) : null);
  return {
    fileName: `обратная-связь-${by}.xlsx`,
    write: (sink) =>
      writeXlsx(sink, {
        name: 'Обратная связь',
        columns: [
          { header: BY_LABEL[by], width: 40, value: (r) => r.g.label },
          { header: 'Критерий', width: 32, value: (r) => r.c.label },
          { header: 'Средний балл', value: (r) => r.c.mean },
          { header: '«1»', format: 'integer', value: dist(0) },
          { header: '«2»', format: 'integer', value: dist(1) },
          { header: '«3»', format: 'integer', value: dist(2) },
          { header: '«4»', format: 'integer', value: dist(3) },
          { header: '«5»', format: 'integer', value: dist(4) },
          { header: 'Ответов', format: 'integer', value: (r) => r.g.responses },
          { header: 'Посетили', format: 'integer', value: (r) => r.g.attendees },
          {
            header: 'Доля ответивших, %',
            value: (r) => (r.g.responseRate === null ? null : Math.round(r.g.responseRate * 1000) / 10),
          },
        ],
        rows,
      }),
  };
}

type MissingPerson = Awaited<ReturnType<typeof getMissing>>['items'][number];

/** who attended but has not answered (the event's form, or one activity's), as XLSX — to remind them. */
export async function missingXlsx(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  activityId?: string,
): Promise<XlsxDocument> {
  const PAGE = 200;
  const first = await getMissing(ctx, actorIn, eventId, { activityId, page: 1, pageSize: PAGE });
  async function* rows() {
    let page = first;
    for (let n = 1; ; n++) {
      yield* page.items;
      if (n * PAGE >= page.total) return;
      page = await getMissing(ctx, actorIn, eventId, { activityId, page: n + 1, pageSize: PAGE });
    }
  }
  return {
    fileName: 'ne-otvetili.xlsx',
    write: (sink) =>
      writeXlsx(sink, {
        name: 'Не ответили',
        columns: [
          { header: 'ФИО', width: 40, value: (p: MissingPerson) => p.fullName },
          { header: 'Организация', width: 40, value: (p) => p.organizationName },
          { header: 'E-mail', width: 32, value: (p) => p.email },
        ],
        rows: rows(),
      }),
  };
}

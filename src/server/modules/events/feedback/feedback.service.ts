// Feedback (S0-7): default templates, the event's own copies, responses by participants, results by activity,
// presenter, form or event, who has not answered, and the XLSX of the results.
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/db.js';
import type { XlsxDocument } from '../../../documents/xlsx.js';
import { writeXlsx } from '../../../documents/xlsx.js';
import { type Actor, forbid, requireActor } from '../../../platform/actor.js';
import { audit } from '../../../platform/audit.js';
import type { AppContext } from '../../../platform/context.js';
import { CommonErrors } from '../../../platform/errors.js';
import { fullNameExpr, organization, person } from '../../directory/index.js';
import {
  activity,
  activityForm,
  activityPresenter,
  attendance,
  type FeedbackCriterion,
  feedbackForm,
  feedbackResponse,
  registration,
} from '../events.tables.js';
import { canManageEvent, loadEventPlace } from './feedback.access.js';
import { FeedbackErrors } from './feedback.errors.js';
import type { ResultsBy, TFeedbackForm, TResultGroup } from './feedback.schemas.js';

type Scope = 'activity' | 'event';
type FormRow = typeof feedbackForm.$inferSelect;
type FormInput = { title: string; criteria: FeedbackCriterion[]; askComment: boolean };

const scale = (key: string, label: string): FeedbackCriterion => ({ key, label, min: 1, max: 5 });

export const DEFAULT_FORMS: Record<Scope, FormInput> = {
  activity: {
    title: 'Анкета участника мероприятия',
    criteria: [
      scale('quality', 'Качество проведения'),
      scale('relevance', 'Соответствие заявленной теме'),
      scale('practical', 'Практическая направленность'),
    ],
    askComment: true,
  },
  event: {
    title: 'Анкета участника события',
    criteria: [
      scale('organization', 'Организация события'),
      scale('usefulness', 'Польза для профессиональной деятельности'),
      scale('overall', 'Общее впечатление'),
    ],
    askComment: true,
  },
};

/** The default templates (event_id null), created once; safe to call any number of times. */
export async function ensureDefaultForms(db: DbOrTx): Promise<Record<Scope, FormRow>> {
  const out = {} as Record<Scope, FormRow>;
  for (const scope of ['activity', 'event'] as const) {
    const [row] = await db
      .select()
      .from(feedbackForm)
      .where(and(isNull(feedbackForm.eventId), eq(feedbackForm.scope, scope)))
      .orderBy(asc(feedbackForm.createdAt))
      .limit(1);
    out[scope] =
      row ??
      (await db
        .insert(feedbackForm)
        .values({ scope, eventId: null, ...DEFAULT_FORMS[scope] })
        .returning()
        .then((r) => r[0]!));
  }
  return out;
}

async function ownForm(db: DbOrTx, eventId: string, scope: Scope): Promise<FormRow | undefined> {
  const [row] = await db
    .select()
    .from(feedbackForm)
    .where(and(eq(feedbackForm.eventId, eventId), eq(feedbackForm.scope, scope)))
    .orderBy(asc(feedbackForm.createdAt))
    .limit(1);
  return row;
}

/** The form an event uses for a scope: its own copy, else the default template. */
export async function formFor(db: DbOrTx, eventId: string, scope: Scope): Promise<FormRow> {
  return (await ownForm(db, eventId, scope)) ?? (await ensureDefaultForms(db))[scope];
}

async function responsesOf(db: DbOrTx, formId: string, eventId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(feedbackResponse)
    .where(and(eq(feedbackResponse.formId, formId), eq(feedbackResponse.eventId, eventId)));
  return Number(n);
}

async function toForm(db: DbOrTx, f: FormRow, eventId: string): Promise<TFeedbackForm> {
  return {
    id: f.id,
    scope: f.scope,
    title: f.title,
    criteria: f.criteria,
    askComment: f.askComment,
    isDefault: f.eventId === null,
    responses: await responsesOf(db, f.id, eventId),
  };
}

export async function getEventForms(ctx: AppContext, actorIn: Actor | null, eventId: string) {
  requireActor(actorIn);
  await loadEventPlace(ctx.db, eventId);
  return {
    activity: await toForm(ctx.db, await formFor(ctx.db, eventId, 'activity'), eventId),
    event: await toForm(ctx.db, await formFor(ctx.db, eventId, 'event'), eventId),
  };
}

function sameScales(a: FeedbackCriterion[], b: FeedbackCriterion[]): boolean {
  if (a.length !== b.length) return false;
  const byKey = new Map(a.map((c) => [c.key, c]));
  return b.every((c) => {
    const o = byKey.get(c.key);
    return !!o && o.min === c.min && o.max === c.max;
  });
}

/** PUT /api/events/:id/feedback/forms: managers edit the event's own copies (created from the default). */
export async function putEventForms(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  input: { activity?: FormInput; event?: FormInput },
) {
  const actor = requireActor(actorIn);
  const { place } = await loadEventPlace(ctx.db, eventId);
  if (!canManageEvent(actor, place)) forbid();
  await ctx.db.transaction(async (tx) => {
    for (const scope of ['activity', 'event'] as const) {
      const next = input[scope];
      if (!next) continue;
      const own = await ownForm(tx, eventId, scope);
      if (own) {
        if (!sameScales(own.criteria, next.criteria) && (await responsesOf(tx, own.id, eventId)) > 0)
          throw FeedbackErrors.FEEDBACK_FORM_IN_USE();
        const [after] = await tx
          .update(feedbackForm)
          .set({ ...next, updatedAt: new Date() })
          .where(eq(feedbackForm.id, own.id))
          .returning();
        await audit(tx, actor, 'update', 'feedback_form', own.id, own, after);
      } else {
        // responses given against the default template stay with it; a changed scale starts a new copy
        const def = await formFor(tx, eventId, scope);
        if (!sameScales(def.criteria, next.criteria) && (await responsesOf(tx, def.id, eventId)) > 0)
          throw FeedbackErrors.FEEDBACK_FORM_IN_USE();
        const [created] = await tx
          .insert(feedbackForm)
          .values({ eventId, scope, ...next })
          .returning();
        await audit(tx, actor, 'create', 'feedback_form', created!.id, undefined, created);
      }
    }
  });
  return getEventForms(ctx, actor, eventId);
}

/** Activities of the event the person registered for (not cancelled) or attended. */
async function participatedActivityIds(db: DbOrTx, eventId: string, personId: string): Promise<Set<string>> {
  const reg = await db
    .select({ id: registration.activityId })
    .from(registration)
    .innerJoin(activity, eq(activity.id, registration.activityId))
    .where(
      and(
        eq(activity.eventId, eventId),
        eq(registration.personId, personId),
        sql`${registration.status} <> 'cancelled'`,
      ),
    );
  const att = await db
    .select({ id: attendance.activityId })
    .from(attendance)
    .innerJoin(activity, eq(activity.id, attendance.activityId))
    .where(and(eq(activity.eventId, eventId), eq(attendance.personId, personId)));
  return new Set([...reg, ...att].map((r) => r.id));
}

function checkScores(criteria: FeedbackCriterion[], scores: Record<string, number>): void {
  const keys = Object.keys(scores);
  const ok =
    keys.length === criteria.length &&
    criteria.every((c) => {
      const v = scores[c.key];
      return typeof v === 'number' && Number.isInteger(v) && v >= c.min && v <= c.max;
    });
  if (!ok)
    throw FeedbackErrors.FEEDBACK_SCORES_INVALID(
      {},
      criteria.map((c) => ({ path: `body.scores.${c.key}`, message: `${c.label}: ${c.min}–${c.max}` })),
    );
}

async function activityOfEvent(db: DbOrTx, eventId: string, activityId: string) {
  const [a] = await db
    .select({ id: activity.id, title: activity.title, topic: activity.topic, eventId: activity.eventId })
    .from(activity)
    .where(eq(activity.id, activityId));
  if (!a || a.eventId !== eventId) throw CommonErrors.NOT_FOUND();
  return a;
}

/** POST /api/events/:id/feedback: one response per person per activity (or per event without activityId). */
export async function giveFeedback(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  input: { activityId?: string; scores: Record<string, number>; comment?: string },
) {
  const actor = requireActor(actorIn);
  await loadEventPlace(ctx.db, eventId);
  if (input.activityId) await activityOfEvent(ctx.db, eventId, input.activityId);
  if (!actor.personId) throw FeedbackErrors.FEEDBACK_NO_PERSON();
  const personId = actor.personId;
  const mine = await participatedActivityIds(ctx.db, eventId, personId);
  if (input.activityId ? !mine.has(input.activityId) : mine.size === 0)
    throw FeedbackErrors.FEEDBACK_NOT_PARTICIPANT();
  const form = await formFor(ctx.db, eventId, input.activityId ? 'activity' : 'event');
  checkScores(form.criteria, input.scores);
  if (await alreadyGiven(ctx.db, eventId, personId, input.activityId ?? null))
    throw FeedbackErrors.FEEDBACK_ALREADY_GIVEN();
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const [r] = await tx
        .insert(feedbackResponse)
        .values({
          formId: form.id,
          eventId,
          activityId: input.activityId ?? null,
          personId,
          scores: input.scores,
          comment: input.comment || null,
        })
        .returning();
      await audit(tx, actor, 'create', 'feedback_response', r!.id, undefined, r);
      return r!;
    });
    return {
      id: row.id,
      activityId: row.activityId,
      scores: row.scores,
      comment: row.comment,
      at: row.at.toISOString(),
    };
  } catch (e) {
    if (
      (e as { code?: string; cause?: { code?: string } })?.code === '23505' ||
      (e as { cause?: { code?: string } })?.cause?.code === '23505'
    )
      throw FeedbackErrors.FEEDBACK_ALREADY_GIVEN();
    throw e;
  }
}

async function alreadyGiven(db: DbOrTx, eventId: string, personId: string, activityId: string | null) {
  const [row] = await db
    .select({ id: feedbackResponse.id })
    .from(feedbackResponse)
    .where(
      and(
        eq(feedbackResponse.eventId, eventId),
        eq(feedbackResponse.personId, personId),
        activityId ? eq(feedbackResponse.activityId, activityId) : isNull(feedbackResponse.activityId),
      ),
    )
    .limit(1);
  return !!row;
}

/** What the answering page needs: the form, whether the person may answer and has answered. */
export async function giveContext(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  activityId?: string,
) {
  const actor = requireActor(actorIn);
  const { event } = await loadEventPlace(ctx.db, eventId);
  const a = activityId ? await activityOfEvent(ctx.db, eventId, activityId) : null;
  const form = await formFor(ctx.db, eventId, a ? 'activity' : 'event');
  const mine = actor.personId
    ? await participatedActivityIds(ctx.db, eventId, actor.personId)
    : new Set<string>();
  const given = actor.personId
    ? await ctx.db
        .select({ activityId: feedbackResponse.activityId })
        .from(feedbackResponse)
        .where(and(eq(feedbackResponse.eventId, eventId), eq(feedbackResponse.personId, actor.personId)))
    : [];
  const givenIds = new Set(given.map((g) => g.activityId ?? 'event'));
  const acts = mine.size
    ? await ctx.db
        .select({ id: activity.id, title: activity.title })
        .from(activity)
        .where(inArray(activity.id, [...mine]))
        .orderBy(asc(activity.startsAt))
    : [];
  return {
    event: { id: event.id, title: event.title, startDate: event.startDate, endDate: event.endDate },
    activity: a ? { id: a.id, title: a.title, topic: a.topic } : null,
    form: await toForm(ctx.db, form, eventId),
    canGive: !!actor.personId && (a ? mine.has(a.id) : mine.size > 0),
    alreadyGiven: givenIds.has(a ? a.id : 'event'),
    myActivities: acts.map((x) => ({ ...x, given: givenIds.has(x.id) })),
  };
}

// ---------- results ----------

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

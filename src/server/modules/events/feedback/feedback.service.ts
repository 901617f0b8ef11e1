// Feedback (S0-7): default templates, the event's own copies and responses by participants.
// Results, who has not answered and the XLSX of the results are in feedback.results.service.ts.
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/db.js';
import { type Actor, forbid, requireActor } from '../../../platform/actor.js';
import { audit } from '../../../platform/audit.js';
import type { AppContext } from '../../../platform/context.js';
import { CommonErrors } from '../../../platform/errors.js';
import {
  activity,
  attendance,
  type FeedbackCriterion,
  feedbackForm,
  feedbackResponse,
  registration,
} from '../events.tables.js';
import { canManageEvent, loadEventPlace } from './feedback.access.js';
import { FeedbackErrors } from './feedback.errors.js';
import type { TFeedbackForm } from './feedback.schemas.js';

type Scope = 'activity' | 'event';
export type FormRow = typeof feedbackForm.$inferSelect;
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

export async function activityOfEvent(db: DbOrTx, eventId: string, activityId: string) {
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

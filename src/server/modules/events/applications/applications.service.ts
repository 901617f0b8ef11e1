// Applications (заявки, S0-3, S0-4): a teacher drafts, edits and submits within the call's window; the organiser
// accepts, rejects or asks for changes (caps per organisation and per form enforced) with a comment thread;
// the head of the applicant's organisation sees the organisation's applications. Every change audited.
import { and, asc, count, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/db.js';
import { type Actor, forbid, requireActor } from '../../../platform/actor.js';
import { audit } from '../../../platform/audit.js';
import type { AppContext } from '../../../platform/context.js';
import { offsetOf } from '../../../platform/pagination.js';
import { organization, person } from '../../directory/directory.tables.js';
import { notify } from '../../notifications/notifications.service.js';
import { EventErrors } from '../events.errors.js';
import { ensureActivityForms } from '../events.forms.service.js';
import { headsOrganization } from '../events.policy.js';
import { applicationsOpenNow, type EventRow, loadEventFor } from '../events.service.js';
import {
  activityForm,
  application,
  applicationComment,
  applicationPresenter,
  event,
  eventSection,
  type FormField,
} from '../events.tables.js';
import {
  canCommentApplication,
  canEditApplication,
  canSeeApplication,
  isApplicant,
} from './applications.policy.js';
import type {
  TApplication,
  TApplicationCreate,
  TApplicationQuery,
  TApplicationUpdate,
  TReview,
} from './applications.schemas.js';

type AppRow = typeof application.$inferSelect;
const fullName = sql<string>`(${person.surname} || ' ' || ${person.name} || coalesce(' ' || ${person.patronymic}, ''))`;
const ruDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : null);

/** Loads the application, its event and the actor's rights; 404 when the actor may not see it. */
export async function loadApplicationFor(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const q = db.select().from(application).where(eq(application.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw EventErrors.APPLICATION_NOT_FOUND();
  let loaded: Awaited<ReturnType<typeof loadEventFor>>;
  try {
    loaded = await loadEventFor(db, actor, row.eventId);
  } catch {
    throw EventErrors.APPLICATION_NOT_FOUND();
  }
  if (!canSeeApplication(actor, row, loaded.canManage)) throw EventErrors.APPLICATION_NOT_FOUND();
  return { row, event: loaded.row, canManage: loaded.canManage };
}

/** The form's own fields: required ones present, numbers numeric, choices from the list; unknown keys dropped. */
export function validateExtra(fields: FormField[], extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = extra[f.key];
    const empty = v === undefined || v === null || v === '';
    if (empty) {
      if (f.required)
        throw EventErrors.FORM_FIELD_INVALID(
          { label: f.label, reason: 'обязательное поле' },
          { field: `extra.${f.key}` },
        );
      continue;
    }
    if (f.type === 'number' && !Number.isFinite(Number(v)))
      throw EventErrors.FORM_FIELD_INVALID(
        { label: f.label, reason: 'ожидается число' },
        { field: `extra.${f.key}` },
      );
    if (f.type === 'select' && f.options && !f.options.includes(String(v)))
      throw EventErrors.FORM_FIELD_INVALID(
        { label: f.label, reason: 'значение не из списка' },
        { field: `extra.${f.key}` },
      );
    out[f.key] = f.type === 'number' ? Number(v) : String(v);
  }
  return out;
}

async function formOrFail(db: DbOrTx, formId: string) {
  const [form] = await db.select().from(activityForm).where(eq(activityForm.id, formId));
  if (!form) throw EventErrors.ACTIVITY_FORM_NOT_FOUND({}, { field: 'formId' });
  return form;
}

async function checkPersons(db: DbOrTx, ids: string[]) {
  if (!ids.length) return;
  const [{ n }] = await db.select({ n: count() }).from(person).where(inArray(person.id, ids));
  if (n !== new Set(ids).size) throw EventErrors.UNKNOWN_CO_PRESENTER({}, { field: 'coPresenterIds' });
}

async function checkSection(db: DbOrTx, eventId: string, sectionId: string | null | undefined) {
  if (!sectionId) return;
  const [s] = await db
    .select({ id: eventSection.id })
    .from(eventSection)
    .where(and(eq(eventSection.id, sectionId), eq(eventSection.eventId, eventId)));
  if (!s) throw EventErrors.EVENT_UNKNOWN_SECTION({}, { field: 'sectionId' });
}

async function writePresenters(db: DbOrTx, applicationId: string, applicantPersonId: string, ids: string[]) {
  await db.delete(applicationPresenter).where(eq(applicationPresenter.applicationId, applicationId));
  const unique = [...new Set(ids)].filter((p) => p !== applicantPersonId);
  if (unique.length)
    await db.insert(applicationPresenter).values(unique.map((personId) => ({ applicationId, personId })));
}

/** Application rows as the API shows them, with names, the form and co-presenters. */
export async function views(
  db: DbOrTx,
  actor: Actor,
  rows: AppRow[],
  manages: (eventId: string) => boolean,
): Promise<TApplication[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const sectionIds = [...new Set(rows.flatMap((r) => (r.sectionId ? [r.sectionId] : [])))];
  const [people, orgs, forms, events, presenters, sections] = await Promise.all([
    db
      .select({ id: person.id, name: fullName })
      .from(person)
      .where(inArray(person.id, [...new Set(rows.map((r) => r.applicantPersonId))])),
    db
      .select({ id: organization.id, name: organization.shortName })
      .from(organization)
      .where(
        inArray(
          organization.id,
          [...new Set(rows.flatMap((r) => (r.organizationId ? [r.organizationId] : [])))].concat([
            '00000000-0000-0000-0000-000000000000',
          ]),
        ),
      ),
    db
      .select({ id: activityForm.id, code: activityForm.code, title: activityForm.title })
      .from(activityForm)
      .where(inArray(activityForm.id, [...new Set(rows.map((r) => r.formId))])),
    db
      .select({ id: event.id, title: event.title })
      .from(event)
      .where(inArray(event.id, [...new Set(rows.map((r) => r.eventId))])),
    db
      .select({ applicationId: applicationPresenter.applicationId, id: person.id, name: fullName })
      .from(applicationPresenter)
      .innerJoin(person, eq(person.id, applicationPresenter.personId))
      .where(inArray(applicationPresenter.applicationId, ids))
      .orderBy(sql`${person.surname} collate ru_icu`),
    sectionIds.length
      ? db
          .select({ id: eventSection.id, title: eventSection.title })
          .from(eventSection)
          .where(inArray(eventSection.id, sectionIds))
      : Promise.resolve([]),
  ]);
  const S = new Map(sections.map((x) => [x.id, x.title]));
  const by = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const P = by(people);
  const O = by(orgs);
  const F = by(forms);
  const E = by(events);
  return rows.map((r) => ({
    id: r.id,
    eventId: r.eventId,
    eventTitle: E.get(r.eventId)?.title ?? '',
    applicant: { id: r.applicantPersonId, name: P.get(r.applicantPersonId)?.name ?? '' },
    organization: r.organizationId ? (O.get(r.organizationId) ?? null) : null,
    form: F.get(r.formId)!,
    sectionId: r.sectionId,
    sectionTitle: r.sectionId ? (S.get(r.sectionId) ?? null) : null,
    developmentPlanId: r.developmentPlanId,
    product: r.product,
    topic: r.topic,
    annotation: r.annotation,
    durationMinutes: r.durationMinutes,
    expectedAudience: r.expectedAudience,
    audienceSize: r.audienceSize,
    equipment: r.equipment,
    roomNeeds: r.roomNeeds,
    extra: r.extra,
    coPresenters: presenters.filter((p) => p.applicationId === r.id).map((p) => ({ id: p.id, name: p.name })),
    status: r.status,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    canEdit: canEditApplication(actor, r),
    canReview: manages(r.eventId) && r.status === 'submitted',
    canComment: canCommentApplication(actor, r, manages(r.eventId)),
  }));
}

async function viewOne(db: DbOrTx, actor: Actor, row: AppRow, canManage: boolean) {
  return (await views(db, actor, [row], () => canManage))[0];
}

export async function listApplications(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  q: TApplicationQuery,
) {
  const actor = requireActor(actorIn);
  const { canManage } = await loadEventFor(ctx.db, actor, eventId);
  if (q.organizationId && !canManage && !headsOrganization(actor, q.organizationId)) forbid();
  const own = or(
    eq(application.applicantUserId, actor.userId),
    actor.personId ? eq(application.applicantPersonId, actor.personId) : undefined,
  );
  const headOrgs = actor.roles
    .filter((g) => g.role === 'organization_head' && g.scopeType === 'organization' && g.scopeId)
    .map((g) => g.scopeId as string);
  const visible: SQL | undefined = canManage
    ? or(ne(application.status, 'draft'), own)
    : or(
        own,
        headOrgs.length
          ? and(inArray(application.organizationId, headOrgs), ne(application.status, 'draft'))
          : undefined,
      );
  const where = and(
    eq(application.eventId, eventId),
    visible,
    q.status ? eq(application.status, q.status) : undefined,
    q.formId ? eq(application.formId, q.formId) : undefined,
    q.organizationId ? eq(application.organizationId, q.organizationId) : undefined,
    q.sectionId ? eq(application.sectionId, q.sectionId) : undefined,
  );
  const dir = q.order === 'desc' ? desc : asc;
  const [rows, [{ n }]] = await Promise.all([
    ctx.db
      .select()
      .from(application)
      .where(where)
      .orderBy(dir(application.createdAt), asc(application.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ctx.db.select({ n: count() }).from(application).where(where),
  ]);
  return {
    items: await views(ctx.db, actor, rows, () => canManage),
    total: n,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getApplication(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requireActor(actorIn);
  const { row, canManage } = await loadApplicationFor(ctx.db, actor, id);
  return viewOne(ctx.db, actor, row, canManage);
}

function closedError(e: EventRow) {
  return EventErrors.APPLICATIONS_CLOSED({
    from: ruDate(e.applicationsOpenFrom),
    until: ruDate(e.applicationsOpenUntil),
  });
}

export async function createApplication(
  ctx: AppContext,
  actorIn: Actor | null,
  eventId: string,
  input: TApplicationCreate,
) {
  const actor = requireActor(actorIn);
  const { row: ev, canManage } = await loadEventFor(ctx.db, actor, eventId);
  if (!actor.personId) throw EventErrors.APPLICANT_WITHOUT_PERSON();
  if (ev.status !== 'call_open') throw closedError(ev);
  await ensureActivityForms(ctx);
  const form = await formOrFail(ctx.db, input.formId);
  if (!form.active) throw EventErrors.ACTIVITY_FORM_INACTIVE({}, { field: 'formId' });
  const extra = validateExtra(form.fields, input.extra);
  await checkPersons(ctx.db, input.coPresenterIds);
  await checkSection(ctx.db, eventId, input.sectionId);
  const personId = actor.personId;
  const row = await ctx.db.transaction(async (tx) => {
    const [p] = await tx
      .select({ organizationId: person.organizationId })
      .from(person)
      .where(eq(person.id, personId));
    const [r] = await tx
      .insert(application)
      .values({
        eventId,
        applicantPersonId: personId,
        applicantUserId: actor.userId,
        organizationId: p?.organizationId ?? null,
        formId: form.id,
        sectionId: input.sectionId ?? null,
        developmentPlanId: input.developmentPlanId ?? null,
        product: input.product || null,
        topic: input.topic,
        annotation: input.annotation || null,
        durationMinutes: input.durationMinutes ?? null,
        expectedAudience: input.expectedAudience || null,
        audienceSize: input.audienceSize ?? null,
        equipment: input.equipment || null,
        roomNeeds: input.roomNeeds || null,
        extra,
      })
      .returning();
    await writePresenters(tx, r.id, personId, input.coPresenterIds);
    await audit(tx, actor, 'create', 'application', r.id, null, {
      ...r,
      coPresenterIds: input.coPresenterIds,
    });
    return r;
  });
  return viewOne(ctx.db, actor, row, canManage);
}

export async function updateApplication(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  input: TApplicationUpdate,
) {
  const actor = requireActor(actorIn);
  const { row, canManage } = await ctx.db.transaction(async (tx) => {
    const { row: before, canManage } = await loadApplicationFor(tx, actor, id, true);
    if (!isApplicant(actor, before)) forbid();
    if (!canEditApplication(actor, before)) throw EventErrors.APPLICATION_NOT_EDITABLE();
    const form = await formOrFail(tx, input.formId ?? before.formId);
    if (input.formId && input.formId !== before.formId && !form.active)
      throw EventErrors.ACTIVITY_FORM_INACTIVE({}, { field: 'formId' });
    const extra =
      input.extra !== undefined || input.formId
        ? validateExtra(form.fields, input.extra ?? before.extra)
        : before.extra;
    if (input.coPresenterIds) await checkPersons(tx, input.coPresenterIds);
    await checkSection(tx, before.eventId, input.sectionId);
    const patch: Partial<typeof application.$inferInsert> = { updatedAt: new Date(), extra, formId: form.id };
    if (input.sectionId !== undefined) patch.sectionId = input.sectionId ?? null;
    if (input.topic) patch.topic = input.topic;
    if (input.developmentPlanId !== undefined) patch.developmentPlanId = input.developmentPlanId ?? null;
    for (const k of ['annotation', 'expectedAudience', 'equipment', 'roomNeeds', 'product'] as const)
      if (input[k] !== undefined) patch[k] = input[k] || null;
    if (input.durationMinutes !== undefined) patch.durationMinutes = input.durationMinutes ?? null;
    if (input.audienceSize !== undefined) patch.audienceSize = input.audienceSize ?? null;
    const [after] = await tx.update(application).set(patch).where(eq(application.id, id)).returning();
    if (input.coPresenterIds) await writePresenters(tx, id, before.applicantPersonId, input.coPresenterIds);
    await audit(tx, actor, 'update', 'application', id, before, {
      ...after,
      ...(input.coPresenterIds ? { coPresenterIds: input.coPresenterIds } : {}),
    });
    return { row: after, canManage };
  });
  return viewOne(ctx.db, actor, row, canManage);
}

/**
 * Submitting: a draft only while the call is open and within its window; an application returned for changes
 * may be resubmitted while the call is open or just closed (the organiser asked for the changes).
 */
export async function submitApplication(ctx: AppContext, actorIn: Actor | null, id: string) {
  const actor = requireActor(actorIn);
  const { row, canManage } = await ctx.db.transaction(async (tx) => {
    const { row: before, event: ev, canManage } = await loadApplicationFor(tx, actor, id, true);
    if (!isApplicant(actor, before)) forbid();
    if (!canEditApplication(actor, before)) throw EventErrors.APPLICATION_NOT_EDITABLE();
    const resubmission = before.status === 'changes_requested';
    const open = resubmission
      ? ev.status === 'call_open' || ev.status === 'call_closed'
      : applicationsOpenNow(ev);
    if (!open) throw closedError(ev);
    const form = await formOrFail(tx, before.formId);
    validateExtra(form.fields, before.extra);
    const [after] = await tx
      .update(application)
      .set({ status: 'submitted', submittedAt: new Date(), updatedAt: new Date() })
      .where(eq(application.id, id))
      .returning();
    await audit(tx, actor, 'update', 'application', id, { status: before.status }, { status: after.status });
    if (ev.createdBy && ev.createdBy !== actor.userId)
      await notify(ctx, tx, {
        userIds: [ev.createdBy],
        kind: resubmission ? 'application_resubmitted' : 'application_submitted',
        title: `${resubmission ? 'Заявка доработана' : 'Новая заявка'}: ${after.topic}`,
        body: `Мероприятие «${ev.title}».`,
        link: `/applications/${id}`,
        email: false,
      });
    return { row: after, canManage };
  });
  return viewOne(ctx.db, actor, row, canManage);
}

const DECISION_STATUS = {
  accept: 'accepted',
  reject: 'rejected',
  request_changes: 'changes_requested',
} as const;
const DECISION_TITLE = {
  accept: 'Заявка принята',
  reject: 'Заявка отклонена',
  request_changes: 'Заявка возвращена на доработку',
} as const;

/** S0-3: accept (caps per organisation and per form), reject or ask for changes (comment required). */
export async function reviewApplication(ctx: AppContext, actorIn: Actor | null, id: string, input: TReview) {
  const actor = requireActor(actorIn);
  const comment = input.comment?.trim() || null;
  const row = await ctx.db.transaction(async (tx) => {
    const { row: before, event: ev0, canManage } = await loadApplicationFor(tx, actor, id, true);
    if (!canManage) forbid();
    if (input.decision !== 'accept' && !comment)
      throw EventErrors.REVIEW_COMMENT_REQUIRED({}, { field: 'comment' });
    if (before.status !== 'submitted') throw EventErrors.APPLICATION_NOT_SUBMITTED();
    // serialise acceptances of one event so that caps hold under concurrent reviews
    const [ev] = await tx.select().from(event).where(eq(event.id, ev0.id)).for('update');
    if (input.decision === 'accept') {
      if (ev.capPerOrganization && before.organizationId) {
        const [{ n }] = await tx
          .select({ n: count() })
          .from(application)
          .where(
            and(
              eq(application.eventId, ev.id),
              eq(application.organizationId, before.organizationId),
              eq(application.status, 'accepted'),
            ),
          );
        if (n >= ev.capPerOrganization)
          throw EventErrors.APPLICATION_CAP_REACHED(
            { cap: 'organization', limit: ev.capPerOrganization },
            { cap: 'organization', limit: ev.capPerOrganization },
          );
      }
      const form = await formOrFail(tx, before.formId);
      const formCap = ev.capsPerForm[form.code];
      if (formCap) {
        const [{ n }] = await tx
          .select({ n: count() })
          .from(application)
          .where(
            and(
              eq(application.eventId, ev.id),
              eq(application.formId, form.id),
              eq(application.status, 'accepted'),
            ),
          );
        if (n >= formCap)
          throw EventErrors.APPLICATION_CAP_REACHED(
            { cap: 'form', form: form.title, limit: formCap },
            { cap: 'form', form: form.code, limit: formCap },
          );
      }
    }
    const [after] = await tx
      .update(application)
      .set({
        status: DECISION_STATUS[input.decision],
        reviewedAt: new Date(),
        reviewedBy: actor.userId,
        updatedAt: new Date(),
      })
      .where(eq(application.id, id))
      .returning();
    if (comment)
      await tx.insert(applicationComment).values({
        applicationId: id,
        authorUserId: actor.userId,
        authorName: actor.name,
        body: comment,
        decision: input.decision,
      });
    await audit(
      tx,
      actor,
      'update',
      'application',
      id,
      { status: before.status },
      { status: after.status, comment },
    );
    if (before.applicantUserId)
      await notify(ctx, tx, {
        userIds: [before.applicantUserId],
        kind: `application_${input.decision}`,
        title: `${DECISION_TITLE[input.decision]}: ${before.topic}`,
        body: `Мероприятие «${ev.title}».${comment ? ` Комментарий: ${comment}` : ''}`,
        link: `/applications/${id}`,
        email: true,
      });
    return after;
  });
  return viewOne(ctx.db, actor, row, true);
}

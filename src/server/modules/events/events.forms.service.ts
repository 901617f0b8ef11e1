// The catalogue of activity forms (S0-10): seeded from src/shared/reference.json without a migration
// (ensureActivityForms is idempotent), read by every signed-in user, extended by admins.
import { asc, count, eq, sql } from 'drizzle-orm';
import reference from '../../../shared/reference.json';
import { type Actor, forbid, requireActor } from '../../platform/actor.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { offsetOf } from '../../platform/pagination.js';
import { withUniqueGuard } from '../directory/directory.common.js';
import { EventErrors } from './events.errors.js';
import { canManageActivityForms } from './events.policy.js';
import type { TActivityFormCreate, TActivityFormUpdate } from './events.schemas.js';
import { activityForm, type FormField } from './events.tables.js';

/** The forms the source document lists (п. 3.5): active by default; the rest of the catalogue starts inactive. */
export const S0_FORM_CODES = [
  'master_class',
  'creative_report',
  'targeted_training',
  'business_game',
  'project_defence',
  'open_lesson',
  'open_extracurricular_event',
  'seminar',
  'workshop',
  'other',
] as const;

/**
 * S4-2: municipal events to close competence deficits («Школа профессионального роста», РМО) also hold talks and
 * seminars for students (exam and olympiad preparation): active by default as well.
 */
export const S4_FORM_CODES = ['talk', 'students_seminar'] as const;

/** Forms the requirements name that the reference catalogue does not list (code → title). */
const EXTRA_FORMS: Record<string, string> = {
  students_seminar: 'семинар для обучающихся (подготовка к экзаменам и олимпиадам)',
};

const ACTIVE_BY_DEFAULT: readonly string[] = [...S0_FORM_CODES, ...S4_FORM_CODES];

const PHRASES: Record<string, string> = {
  master_class: 'провести мастер-класс',
  creative_report: 'представить творческий отчёт',
  targeted_training: 'провести целевой тренинг',
  business_game: 'провести деловую игру',
  project_defence: 'представить защиту проекта',
  open_lesson: 'провести открытый урок',
  open_extracurricular_event: 'провести открытое внеклассное мероприятие',
  seminar: 'провести семинар',
  workshop: 'провести педагогическую мастерскую',
  other: 'выступить',
  talk: 'выступить с докладом',
  students_seminar: 'провести семинар для обучающихся',
};

function ownFields(code: string): FormField[] {
  if (code === 'open_lesson' || code === 'open_extracurricular_event')
    return [
      {
        key: 'grade',
        label: 'Класс',
        type: 'select',
        options: [...Array(11)].map((_, i) => String(i + 1)),
        required: true,
      },
      {
        key: 'subject',
        label: 'Предмет',
        type: 'select',
        options: reference.subjects.items,
        required: code === 'open_lesson',
      },
    ];
  return [];
}

let ensured: WeakSet<object> = new WeakSet();

/** Inserts the catalogue's forms that are missing (by code); never changes forms that exist. */
export async function ensureActivityForms(ctx: AppContext): Promise<void> {
  if (ensured.has(ctx.db)) return;
  const labels = { ...(reference.activityForms as Record<string, string>), ...EXTRA_FORMS };
  const codes = Object.keys(labels).filter((c) => !c.startsWith('_'));
  const ordered = [...ACTIVE_BY_DEFAULT, ...codes.filter((c) => !ACTIVE_BY_DEFAULT.includes(c))];
  await ctx.db
    .insert(activityForm)
    .values(
      ordered.map((code, i) => {
        const title = labels[code] ?? code;
        return {
          code,
          title: title.charAt(0).toUpperCase() + title.slice(1),
          certificatePhrase: PHRASES[code] ?? null,
          fields: ownFields(code),
          active: ACTIVE_BY_DEFAULT.includes(code),
          sortOrder: (i + 1) * 10,
        };
      }),
    )
    .onConflictDoNothing({ target: activityForm.code });
  ensured.add(ctx.db);
}

/** For tests that truncate tables: forget that the catalogue was seeded. */
export function forgetEnsuredForms(): void {
  ensured = new WeakSet();
}

const toDto = (r: typeof activityForm.$inferSelect) => ({
  id: r.id,
  code: r.code,
  title: r.title,
  certificatePhrase: r.certificatePhrase,
  fields: r.fields,
  active: r.active,
  sortOrder: r.sortOrder,
});

export async function listActivityForms(
  ctx: AppContext,
  actorIn: Actor | null,
  q: { page: number; pageSize: number; includeInactive?: boolean },
) {
  requireActor(actorIn);
  await ensureActivityForms(ctx);
  const where = q.includeInactive ? undefined : eq(activityForm.active, true);
  const [rows, [{ n }]] = await Promise.all([
    ctx.db
      .select()
      .from(activityForm)
      .where(where)
      .orderBy(asc(activityForm.sortOrder), sql`${activityForm.title} collate ru_icu`)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ctx.db.select({ n: count() }).from(activityForm).where(where),
  ]);
  return { items: rows.map(toDto), total: n, page: q.page, pageSize: q.pageSize };
}

export async function createActivityForm(ctx: AppContext, actorIn: Actor | null, input: TActivityFormCreate) {
  const actor = requireActor(actorIn);
  if (!canManageActivityForms(actor)) forbid();
  await ensureActivityForms(ctx);
  const row = await withUniqueGuard(
    () =>
      ctx.db.transaction(async (tx) => {
        const [r] = await tx
          .insert(activityForm)
          .values({ ...input, certificatePhrase: input.certificatePhrase ?? null })
          .returning();
        await audit(tx, actor, 'create', 'activity_form', r.id, null, toDto(r));
        return r;
      }),
    { activity_form_code_unique: () => EventErrors.ACTIVITY_FORM_CODE_TAKEN({ code: input.code }) },
  );
  return toDto(row);
}

export async function updateActivityForm(
  ctx: AppContext,
  actorIn: Actor | null,
  id: string,
  input: TActivityFormUpdate,
) {
  const actor = requireActor(actorIn);
  if (!canManageActivityForms(actor)) forbid();
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(activityForm).where(eq(activityForm.id, id)).for('update');
    if (!before) throw EventErrors.ACTIVITY_FORM_NOT_FOUND();
    const [after] = await tx
      .update(activityForm)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(activityForm.id, id))
      .returning();
    await audit(tx, actor, 'update', 'activity_form', id, toDto(before), toDto(after));
    return toDto(after);
  });
}

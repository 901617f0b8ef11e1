// Demo feedback and materials for an event: about three quarters of those who attended rate each activity
// (deterministic scores and a few comments), some rate the event as a whole, and the folder gets the final
// report and a registration list, both generated. Idempotent: skipped when the event already has responses.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
} from 'docx';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.js';
import { fullNameExpr, organization, person } from '../directory/index.js';
import { activity, attendance, event, feedbackResponse } from '../events/events.tables.js';
import { formFor } from '../events/feedback/feedback.service.js';
import { DOCX_MIME, reportDocx } from '../events/feedback/report.docx.js';
import { buildReport, reportFileName } from '../events/feedback/report.service.js';
import { addGeneratedMaterial } from '../events/materials/materials.service.js';
import { seededRandom } from './demo.names.js';

const COMMENTS = [
  'Очень полезно, возьму приёмы в работу.',
  'Хотелось бы больше практики и раздаточных материалов.',
  'Спасибо ведущему, всё чётко и по делу.',
  'Тема актуальная, но не хватило времени на вопросы.',
  'Интересные примеры из опыта школы.',
];

const CONCLUSION =
  'Педагогическая сессия проведена в соответствии с программой. Участники высоко оценили практическую ' +
  'направленность мастер-классов и открытых уроков.\nРекомендуется продолжить практику открытых уроков ' +
  'и предусмотреть больше времени на обсуждение.';

export type DemoFeedbackResult = { responses: number; materials: number };

export async function seedDemoFeedback(ctx: AppContext, eventId: string): Promise<DemoFeedbackResult> {
  const [{ n }] = await ctx.db
    .select({ n: count() })
    .from(feedbackResponse)
    .where(eq(feedbackResponse.eventId, eventId));
  if (Number(n) > 0) return { responses: 0, materials: 0 };
  const rng = seededRandom(20260826);
  const actForm = await formFor(ctx.db, eventId, 'activity');
  const evForm = await formFor(ctx.db, eventId, 'event');
  const visits = await ctx.db
    .select({ activityId: attendance.activityId, personId: attendance.personId })
    .from(attendance)
    .innerJoin(activity, eq(activity.id, attendance.activityId))
    .where(eq(activity.eventId, eventId))
    .orderBy(asc(attendance.activityId), asc(attendance.personId));
  const score = (bias: number) => Math.max(1, Math.min(5, Math.round(3.2 + bias + rng() * 2.2)));
  const rows: (typeof feedbackResponse.$inferInsert)[] = [];
  const bias = new Map<string, number>();
  for (const v of visits) {
    if (rng() > 0.75) continue;
    const b = bias.get(v.activityId) ?? (rng() - 0.3) * 0.8;
    bias.set(v.activityId, b);
    rows.push({
      formId: actForm.id,
      eventId,
      activityId: v.activityId,
      personId: v.personId,
      scores: Object.fromEntries(actForm.criteria.map((c) => [c.key, score(b)])),
      comment: rng() < 0.25 ? COMMENTS[Math.floor(rng() * COMMENTS.length)]! : null,
    });
  }
  for (const personId of [...new Set(visits.map((v) => v.personId))]) {
    if (rng() > 0.5) continue;
    rows.push({
      formId: evForm.id,
      eventId,
      activityId: null,
      personId,
      scores: Object.fromEntries(evForm.criteria.map((c) => [c.key, score(0.3)])),
      comment: null,
    });
  }
  if (rows.length) await ctx.db.insert(feedbackResponse).values(rows).onConflictDoNothing();

  await ctx.db.update(event).set({ reportConclusion: CONCLUSION }).where(eq(event.id, eventId));
  const [ev] = await ctx.db.select({ title: event.title }).from(event).where(eq(event.id, eventId));
  const report = await buildReport(ctx.db, eventId);
  await addGeneratedMaterial(ctx, null, eventId, {
    category: 'final_report',
    title: 'Итоговая справка',
    buffer: await reportDocx(report),
    fileName: reportFileName(ev?.title ?? 'событие'),
    mime: DOCX_MIME,
  });
  await addGeneratedMaterial(ctx, null, eventId, {
    category: 'registration_lists',
    title: 'Лист регистрации',
    buffer: await registrationList(ctx, eventId, ev?.title ?? ''),
    fileName: 'Лист регистрации.docx',
    mime: DOCX_MIME,
  });
  return { responses: rows.length, materials: 2 };
}

/** Those who attended, per activity, as a DOCX table. */
async function registrationList(ctx: AppContext, eventId: string, title: string): Promise<Buffer> {
  const rows = await ctx.db
    .select({
      activity: activity.title,
      name: sql<string>`trim(${fullNameExpr})`,
      org: organization.shortName,
    })
    .from(attendance)
    .innerJoin(activity, eq(activity.id, attendance.activityId))
    .innerJoin(person, eq(person.id, attendance.personId))
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .where(and(eq(activity.eventId, eventId)))
    .orderBy(asc(activity.startsAt), sql`${fullNameExpr} collate ru_icu`);
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    creator: 'Рост',
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            text: 'Лист регистрации',
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, text: title }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                tableHeader: true,
                children: ['№', 'Мероприятие', 'ФИО', 'Организация'].map(cell),
              }),
              ...rows.map(
                (r, i) =>
                  new TableRow({ children: [String(i + 1), r.activity, r.name, r.org ?? '—'].map(cell) }),
              ),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

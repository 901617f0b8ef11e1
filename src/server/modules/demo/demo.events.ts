// Demo events (issue 3): one completed pedagogical session with applications in every status and one
// pedagogical session with an open call; approvals, comment threads and a few notifications for the demo
// accounts. Idempotent: skipped when the demo session exists. Dates are anchored to the current academic year.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { currentAcademicYear } from '../../../shared/academic-year.js';
import type { AppContext } from '../../platform/context.js';
import { todayIso } from '../directory/directory.schemas.js';
import { municipality, organization, person, region } from '../directory/directory.tables.js';
import { ensureActivityForms } from '../events/events.forms.service.js';
import {
  type ApplicationStatus,
  activityForm,
  application,
  applicationComment,
  applicationPresenter,
  event,
  eventApproval,
  eventAudience,
} from '../events/events.tables.js';
import { user } from '../identity/identity.tables.js';
import { notify } from '../notifications/notifications.service.js';
import { seedDemoCertificates } from './demo.certificates.js';
import { DEMO_MUNICIPALITIES, DEMO_REGION } from './demo.data.js';
import { seedDemoFeedback } from './demo.feedback.js';
import { seedDemoSchedule } from './demo.schedule.js';

export const DEMO_COMPLETED_SESSION = 'Педагогическая сессия «Ресурсы профессионального роста»';
export const DEMO_OPEN_SESSION = 'Педагогическая сессия «Функциональная грамотность: от урока к проекту»';
const CENTRE = 'ИМЦ Берёзовского ГО';

export type DemoEventsResult = {
  completedEventId: string | null;
  openEventId: string | null;
  created: boolean;
};

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Draft = {
  form: string;
  topic: string;
  status: ApplicationStatus;
  extra?: Record<string, string>;
  comment?: string;
};

const COMPLETED_APPLICATIONS: Draft[] = [
  { form: 'master_class', topic: 'Смысловое чтение на уроках истории: приём «Инсерт»', status: 'accepted' },
  {
    form: 'open_lesson',
    topic: 'Дроби вокруг нас',
    status: 'accepted',
    extra: { grade: '5', subject: 'Математика' },
  },
  { form: 'creative_report', topic: 'Школьный театр как пространство развития речи', status: 'accepted' },
  { form: 'business_game', topic: 'Деловая игра «Педсовет будущего»', status: 'accepted' },
  { form: 'workshop', topic: 'Формирующее оценивание: мастерская обратной связи', status: 'accepted' },
  { form: 'project_defence', topic: 'Программа наставничества «Первые шаги»', status: 'accepted' },
  {
    form: 'seminar',
    topic: 'Цифровые инструменты учителя начальных классов',
    status: 'rejected',
    comment: 'Тема дублирует принятый семинар; предлагаем выступить на следующей сессии.',
  },
  {
    form: 'targeted_training',
    topic: 'Тренинг профилактики эмоционального выгорания',
    status: 'changes_requested',
    comment: 'Уточните продолжительность и число участников.',
  },
  {
    form: 'open_extracurricular_event',
    topic: 'Квест «Тайны родного края»',
    status: 'submitted',
    extra: { grade: '6', subject: 'География' },
  },
  { form: 'master_class', topic: 'Нейропсихологические игры на уроке', status: 'withdrawn' },
  { form: 'other', topic: 'Фотовыставка «Наши педагоги»', status: 'draft' },
];

const OPEN_APPLICATIONS: Draft[] = [
  { form: 'master_class', topic: 'Читательская грамотность на уроках биологии', status: 'submitted' },
  {
    form: 'open_lesson',
    topic: 'Проектная задача «Школьный двор»',
    status: 'submitted',
    extra: { grade: '4', subject: 'Окружающий мир' },
  },
  { form: 'seminar', topic: 'Метапредметные задания в 7–9 классах', status: 'accepted' },
];

/**
 * Creates the demo events once, then the other parts of the demo for them (schedule, attendance, feedback and
 * materials, certificates for the completed session; the programme and registrations of the open one);
 * afterwards returns the ids of the existing ones.
 */
export async function seedDemoEvents(ctx: AppContext): Promise<DemoEventsResult> {
  const r = await seedEventsOnly(ctx);
  if (r.created && r.completedEventId && r.openEventId) {
    await seedDemoSchedule(ctx, r.completedEventId);
    await seedDemoFeedback(ctx, r.completedEventId);
    await seedDemoCertificates(ctx, r.completedEventId);
    await seedDemoSchedule(ctx, r.openEventId);
  }
  return r;
}

async function seedEventsOnly(ctx: AppContext): Promise<DemoEventsResult> {
  const existing = await ctx.db
    .select({ id: event.id, title: event.title })
    .from(event)
    .where(inArray(event.title, [DEMO_COMPLETED_SESSION, DEMO_OPEN_SESSION]));
  if (existing.length) {
    return {
      completedEventId: existing.find((e) => e.title === DEMO_COMPLETED_SESSION)?.id ?? null,
      openEventId: existing.find((e) => e.title === DEMO_OPEN_SESSION)?.id ?? null,
      created: false,
    };
  }
  const [centre] = await ctx.db
    .select({ id: organization.id })
    .from(organization)
    .innerJoin(municipality, eq(municipality.id, organization.municipalityId))
    .innerJoin(region, eq(region.id, municipality.regionId))
    .where(and(eq(region.name, DEMO_REGION.name), eq(organization.shortName, CENTRE)));
  if (!centre) return { completedEventId: null, openEventId: null, created: false };
  await ensureActivityForms(ctx);
  const forms = new Map(
    (await ctx.db.select({ id: activityForm.id, code: activityForm.code }).from(activityForm)).map((f) => [
      f.code,
      f.id,
    ]),
  );
  const munis = await ctx.db
    .select({ id: municipality.id })
    .from(municipality)
    .innerJoin(region, eq(region.id, municipality.regionId))
    .where(and(eq(region.name, DEMO_REGION.name), inArray(municipality.name, [...DEMO_MUNICIPALITIES])));
  const [methodologist] = await ctx.db.select().from(user).where(eq(user.email, 'metodist@rost.local'));
  const [teacherUser] = await ctx.db.select().from(user).where(eq(user.email, 'teacher@rost.local'));
  // applicants: active teachers of the demo schools, in a stable order; the demo teacher first
  const teachers = await ctx.db
    .select({ id: person.id, organizationId: person.organizationId })
    .from(person)
    .innerJoin(organization, eq(organization.id, person.organizationId))
    .where(
      and(eq(person.status, 'active'), eq(organization.kind, 'school'), isNotNull(person.organizationId)),
    )
    .orderBy(asc(person.email), asc(person.id))
    .limit(40);
  const applicants = teacherUser?.personId
    ? [
        ...(await ctx.db
          .select({ id: person.id, organizationId: person.organizationId })
          .from(person)
          .where(eq(person.id, teacherUser.personId))),
        ...teachers.filter((p) => p.id !== teacherUser.personId),
      ]
    : teachers;
  if (applicants.length < 4) return { completedEventId: null, openEventId: null, created: false };

  const year = Number(currentAcademicYear().slice(0, 4));
  const today = todayIso();
  const completedStart = `${year}-03-24`;
  let openStart = `${year + 1}-03-23`;
  if (openStart < addDays(today, 40)) openStart = addDays(today, 45);

  return ctx.db.transaction(async (tx) => {
    const approvals = async (eventId: string, at: string) => {
      await tx.insert(eventApproval).values([
        {
          eventId,
          body: 'education_committee',
          decision: 'approved',
          comment: 'Приказ Управления образования о проведении сессии',
          approvedBy: methodologist?.id ?? null,
          approvedByName: methodologist?.name ?? 'Методист ИМЦ',
          at: new Date(`${at}T10:00:00Z`),
        },
        {
          eventId,
          body: 'methodological_centre',
          decision: 'approved',
          comment: 'Даты согласованы на методическом совете',
          approvedBy: methodologist?.id ?? null,
          approvedByName: methodologist?.name ?? 'Методист ИМЦ',
          at: new Date(`${at}T12:00:00Z`),
        },
      ]);
      if (munis.length)
        await tx.insert(eventAudience).values(munis.map((m) => ({ eventId, municipalityId: m.id })));
    };
    const addApplications = async (eventId: string, drafts: Draft[], offset: number, submittedOn: string) => {
      for (const [i, d] of drafts.entries()) {
        const who = applicants[(offset + i) % applicants.length];
        const isDemoTeacher = teacherUser?.personId === who.id;
        const [a] = await tx
          .insert(application)
          .values({
            eventId,
            applicantPersonId: who.id,
            applicantUserId: isDemoTeacher ? teacherUser!.id : null,
            organizationId: who.organizationId,
            formId: forms.get(d.form)!,
            topic: d.topic,
            annotation: `${d.topic}: опыт работы, практические приёмы и материалы для участников.`,
            durationMinutes: d.form === 'open_lesson' ? 40 : 45 + (i % 3) * 15,
            expectedAudience: 'педагоги общеобразовательных организаций',
            audienceSize: 15 + (i % 4) * 5,
            equipment: i % 2 ? 'проектор, экран' : 'интерактивная доска',
            roomNeeds: i % 3 ? 'учебный кабинет' : 'актовый зал',
            extra: d.extra ?? {},
            status: d.status,
            submittedAt: d.status === 'draft' ? null : new Date(`${submittedOn}T09:00:00Z`),
            reviewedAt: ['accepted', 'rejected', 'changes_requested'].includes(d.status)
              ? new Date(`${addDays(submittedOn, 3)}T09:00:00Z`)
              : null,
            reviewedBy: ['accepted', 'rejected', 'changes_requested'].includes(d.status)
              ? (methodologist?.id ?? null)
              : null,
          })
          .returning();
        if (i === 0 && applicants[offset + 10])
          await tx
            .insert(applicationPresenter)
            .values({ applicationId: a.id, personId: applicants[offset + 10].id });
        if (d.comment) {
          await tx.insert(applicationComment).values({
            applicationId: a.id,
            authorUserId: methodologist?.id ?? null,
            authorName: methodologist?.name ?? 'Методист ИМЦ',
            body: d.comment,
            decision: d.status === 'rejected' ? 'reject' : 'request_changes',
            at: new Date(`${addDays(submittedOn, 3)}T09:00:00Z`),
          });
        }
      }
    };

    const [completed] = await tx
      .insert(event)
      .values({
        kind: 'pedagogical_session',
        title: DEMO_COMPLETED_SESSION,
        theme: 'Ресурсы профессионального роста педагога',
        description:
          'Открытые уроки, мастер-классы и творческие отчёты педагогов Берёзовского и Верхнепышминского округов.',
        hostOrganizationId: centre.id,
        startDate: completedStart,
        endDate: addDays(completedStart, 3),
        venue: 'МАОУ СОШ № 1, г. Берёзовский, ул. Школьный бульвар, д. 1',
        status: 'completed',
        conditions:
          'Участвуют педагоги образовательных организаций округа. Одна организация — не более трёх принятых заявок.',
        procedure:
          'Заявка подаётся в Росте: форма мероприятия, тема, аннотация, продолжительность и потребности в оборудовании.',
        applicationsOpenFrom: addDays(completedStart, -45),
        applicationsOpenUntil: addDays(completedStart, -14),
        capPerOrganization: 3,
        createdBy: methodologist?.id ?? null,
      })
      .returning();
    await approvals(completed.id, addDays(completedStart, -60));
    await addApplications(completed.id, COMPLETED_APPLICATIONS, 0, addDays(completedStart, -30));

    const [open] = await tx
      .insert(event)
      .values({
        kind: 'pedagogical_session',
        title: DEMO_OPEN_SESSION,
        theme: 'Функциональная грамотность',
        description:
          'Практики формирования функциональной грамотности: урок, внеурочная деятельность, проект.',
        hostOrganizationId: centre.id,
        startDate: openStart,
        endDate: addDays(openStart, 2),
        venue: 'МАОУ «Гимназия № 5», г. Берёзовский',
        status: 'call_open',
        conditions: 'Приглашаются педагоги образовательных организаций Берёзовского ГО и ГО Верхняя Пышма.',
        procedure:
          'Подайте заявку в Росте до окончания приёма; организатор может вернуть её на доработку с комментарием.',
        applicationsOpenFrom: addDays(today, -7),
        applicationsOpenUntil: addDays(openStart, -14),
        capsPerForm: { open_lesson: 6 },
        createdBy: methodologist?.id ?? null,
      })
      .returning();
    await approvals(open.id, addDays(today, -10));
    await addApplications(open.id, OPEN_APPLICATIONS, 1, addDays(today, -3));
    if (teacherUser?.personId) {
      // the demo teacher's own application to the open call, returned for changes: the flow to try
      const [mine] = await tx
        .insert(application)
        .values({
          eventId: open.id,
          applicantPersonId: teacherUser.personId,
          applicantUserId: teacherUser.id,
          organizationId: applicants[0].organizationId,
          formId: forms.get('master_class')!,
          topic: 'Функциональная грамотность на уроках литературы',
          annotation: 'Приёмы работы с несплошными текстами.',
          durationMinutes: 45,
          status: 'changes_requested',
          submittedAt: new Date(`${addDays(today, -5)}T09:00:00Z`),
          reviewedAt: new Date(`${addDays(today, -2)}T09:00:00Z`),
          reviewedBy: methodologist?.id ?? null,
        })
        .returning();
      await tx.insert(applicationComment).values({
        applicationId: mine.id,
        authorUserId: methodologist?.id ?? null,
        authorName: methodologist?.name ?? 'Методист ИМЦ',
        body: 'Укажите, пожалуйста, целевую аудиторию и необходимое оборудование.',
        decision: 'request_changes',
        at: new Date(`${addDays(today, -2)}T09:00:00Z`),
      });
      await notify(ctx, tx, {
        userIds: [teacherUser.id],
        kind: 'event_call_open',
        title: `Открыт приём заявок: ${DEMO_OPEN_SESSION}`,
        body: 'ИМЦ Берёзовского ГО приглашает принять участие.',
        link: `/e/${open.id}`,
        email: false,
      });
      await notify(ctx, tx, {
        userIds: [teacherUser.id],
        kind: 'application_request_changes',
        title: 'Заявка возвращена на доработку: Функциональная грамотность на уроках литературы',
        body: 'Комментарий: Укажите, пожалуйста, целевую аудиторию и необходимое оборудование.',
        link: `/applications/${mine.id}`,
        email: false,
      });
    }
    return { completedEventId: completed.id, openEventId: open.id, created: true };
  });
}

// Demo for S2-4 and S3-6: a research-practice conference (НПК) in preparation with two sections by subject, and
// three invited speakers from the demo teachers. The conference is a draft, so only its managers (the demo
// methodologist and the administrator) see it and the teachers' event lists stay as the other demos expect.
// Idempotent: skipped when the conference exists.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { currentAcademicYear } from '../../../shared/academic-year.js';
import type { AppContext } from '../../platform/context.js';
import { todayIso } from '../directory/directory.schemas.js';
import { municipality, organization, person, region } from '../directory/directory.tables.js';
import { event, eventSection, invitedSpeaker, type SpeakerKind } from '../events/events.tables.js';
import { user } from '../identity/identity.tables.js';
import { DEMO_REGION } from './demo.data.js';

export const DEMO_CONFERENCE = 'Научно-практическая конференция «Шаг в профессию: результаты ИОП»';
const CENTRE = 'ИМЦ Берёзовского ГО';

const SECTIONS = [
  { title: 'Естественно-научное образование', subject: 'Биология' },
  { title: 'Филология и читательская грамотность', subject: 'Русский язык' },
];
const SPEAKERS: { kind: SpeakerKind; note: string }[] = [
  {
    kind: 'leading_teacher',
    note: 'Руководитель городского методического объединения; ведёт мастер-классы по смысловому чтению.',
  },
  { kind: 'contest_winner', note: 'Победитель муниципального этапа конкурса «Учитель года».' },
  { kind: 'veteran', note: 'Стаж более 35 лет; наставник молодых педагогов.' },
];

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoConference(
  ctx: AppContext,
): Promise<{ eventId: string | null; created: boolean }> {
  const [existing] = await ctx.db
    .select({ id: event.id })
    .from(event)
    .where(eq(event.title, DEMO_CONFERENCE));
  if (existing) return { eventId: existing.id, created: false };
  const [centre] = await ctx.db
    .select({ id: organization.id })
    .from(organization)
    .innerJoin(municipality, eq(municipality.id, organization.municipalityId))
    .innerJoin(region, eq(region.id, municipality.regionId))
    .where(and(eq(region.name, DEMO_REGION.name), eq(organization.shortName, CENTRE)));
  if (!centre) return { eventId: null, created: false };
  const [methodologist] = await ctx.db.select().from(user).where(eq(user.email, 'metodist@rost.local'));
  // three teachers of the demo schools in a stable order, skipping the demo teacher's own record
  const [teacherUser] = await ctx.db.select().from(user).where(eq(user.email, 'teacher@rost.local'));
  const teachers = (
    await ctx.db
      .select({ id: person.id })
      .from(person)
      .innerJoin(organization, eq(organization.id, person.organizationId))
      .where(
        and(eq(person.status, 'active'), eq(organization.kind, 'school'), isNotNull(person.organizationId)),
      )
      .orderBy(asc(person.email), asc(person.id))
      .limit(SPEAKERS.length + 1)
  ).filter((p) => p.id !== teacherUser?.personId);

  const year = Number(currentAcademicYear().slice(0, 4));
  let day = `${year + 1}-04-17`;
  if (day < addDays(todayIso(), 30)) day = addDays(todayIso(), 45);

  return ctx.db.transaction(async (tx) => {
    const [conf] = await tx
      .insert(event)
      .values({
        kind: 'research_conference',
        title: DEMO_CONFERENCE,
        theme: 'Представление продуктов индивидуальных образовательных программ педагогов',
        description:
          'Педагоги представляют результаты своих ИОП: программы, методические разработки, проекты.',
        hostOrganizationId: centre.id,
        startDate: day,
        endDate: day,
        venue: 'ИМЦ Берёзовского ГО, конференц-зал',
        status: 'draft',
        createdBy: methodologist?.id ?? null,
      })
      .returning();
    await tx.insert(eventSection).values(SECTIONS.map((s) => ({ eventId: conf.id, ...s })));
    if (teachers.length)
      await tx.insert(invitedSpeaker).values(
        SPEAKERS.slice(0, teachers.length).map((s, i) => ({
          personId: teachers[i].id,
          kind: s.kind,
          note: s.note,
          eventId: i === 0 ? conf.id : null,
        })),
      );
    return { eventId: conf.id, created: true };
  });
}

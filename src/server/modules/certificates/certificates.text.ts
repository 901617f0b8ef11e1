// What a certificate says in Russian: the holder's name in the dative (lvovich), the verb agreeing with
// gender, and the noun phrase of the activity form («провела мастер-класс по теме «…»»).
import lvovich from 'lvovich';
import type { CertificateRole } from './certificates.tables.js';

export type Gender = 'male' | 'female';
type Verb = { male: string; female: string };

const VERBS = {
  провести: { male: 'провёл', female: 'провела' },
  представить: { male: 'представил', female: 'представила' },
  выступить: { male: 'выступил', female: 'выступила' },
  принять: { male: 'принял', female: 'приняла' },
  организовать: { male: 'организовал', female: 'организовала' },
} satisfies Record<string, Verb>;
type VerbKey = keyof typeof VERBS;

/** Certificate phrases per activity form code: the verb and the noun phrase that follows it. */
export const FORM_PHRASES: Record<string, { verb: VerbKey; phrase: string }> = {
  master_class: { verb: 'провести', phrase: 'мастер-класс' },
  open_lesson: { verb: 'провести', phrase: 'открытый урок' },
  creative_report: { verb: 'представить', phrase: 'творческий отчёт' },
  targeted_training: { verb: 'провести', phrase: 'целевой тренинг' },
  business_game: { verb: 'провести', phrase: 'деловую игру' },
  project_defence: { verb: 'представить', phrase: 'защиту проекта' },
  project_defense: { verb: 'представить', phrase: 'защиту проекта' },
  programme_defence: { verb: 'представить', phrase: 'защиту программы' },
  program_defense: { verb: 'представить', phrase: 'защиту программы' },
  open_extracurricular: { verb: 'провести', phrase: 'открытое внеклассное мероприятие' },
  open_extracurricular_event: { verb: 'провести', phrase: 'открытое внеклассное мероприятие' },
  seminar: { verb: 'провести', phrase: 'семинар' },
  workshop: { verb: 'провести', phrase: 'педагогическую мастерскую' },
  talk: { verb: 'выступить', phrase: 'с докладом' },
  students_seminar: { verb: 'провести', phrase: 'семинар для обучающихся' },
  report: { verb: 'выступить', phrase: 'с докладом' },
  plenary: { verb: 'выступить', phrase: 'с докладом на пленарном заседании' },
  round_table: { verb: 'выступить', phrase: 'на круглом столе' },
  other: { verb: 'выступить', phrase: '' },
};

export type FullName = { surname: string; name: string; patronymic: string | null };

/** Gender from the person's record, else detected from the patronymic (and the name and surname). */
export function detectGender(n: FullName, known?: Gender | null): Gender | null {
  if (known) return known;
  const g = lvovich.getGender({ first: n.name, last: n.surname, middle: n.patronymic ?? undefined });
  return g === 'male' || g === 'female' ? g : null;
}

/** «Ивановой Марии Петровне»; indeclinable surnames (Черных, Дюма) stay as they are. */
export function dativeName(n: FullName, gender: Gender | null): string {
  const r = lvovich.incline(
    {
      first: n.name,
      last: n.surname,
      middle: n.patronymic ?? undefined,
      gender: gender ?? undefined,
    },
    'dative',
  );
  return [r.last ?? n.surname, r.first ?? n.name, n.patronymic ? (r.middle ?? n.patronymic) : null]
    .filter(Boolean)
    .join(' ');
}

/**
 * A catalogue phrase «провести мастер-класс» → its verb and the rest. Only the verbs this module can put into the
 * past tense by gender are understood; anything else is left to the built-in phrases and the form's title.
 */
export function phraseOf(text: string | null | undefined): { verb: VerbKey; phrase: string } | null {
  const t = text?.trim();
  if (!t) return null;
  const [first, ...rest] = t.split(/\s+/);
  const verb = first!.toLowerCase();
  return verb in VERBS ? { verb: verb as VerbKey, phrase: rest.join(' ') } : null;
}

function verbFor(v: VerbKey, gender: Gender | null): string {
  const forms = VERBS[v];
  return gender ? forms[gender] : `${forms.male}(а)`;
}

/** The sentence after the name: «провела мастер-класс по теме «…»» or «принял участие в …». */
export function roleText(c: {
  role: CertificateRole;
  gender: Gender | null;
  formCode?: string | null;
  /** the activity form's own certificate phrase from the catalogue, e.g. «представить презентацию опыта» */
  formPhrase?: string | null;
  formTitle?: string | null;
  topic?: string | null;
  eventTitle: string;
}): string {
  const topic = c.topic ? ` по теме «${c.topic}»` : '';
  if (c.role === 'presenter') {
    const p = phraseOf(c.formPhrase) ??
      (c.formCode ? FORM_PHRASES[c.formCode] : undefined) ?? {
        verb: 'провести' as const,
        phrase: (c.formTitle ?? '').toLowerCase(),
      };
    return [verbFor(p.verb, c.gender), p.phrase].filter(Boolean).join(' ') + topic;
  }
  if (c.role === 'organizer') return `${verbFor('принять', c.gender)} участие в организации мероприятия`;
  if (c.role === 'staff')
    return `${verbFor('принять', c.gender)} участие в подготовке и проведении мероприятия`;
  const activity = c.topic ? ` (${(c.formTitle ?? '').toLowerCase() || 'занятие'}${topic})` : '';
  return `${verbFor('принять', c.gender)} участие в мероприятии${activity}`;
}

/** «12.10.2026» or «12–14.10.2026» or «30.09–02.10.2026». */
export function formatEventDates(start: string, end: string): string {
  const [ys, ms, ds] = start.split('-');
  const [ye, me, de] = end.split('-');
  if (start === end) return `${ds}.${ms}.${ys}`;
  if (ys === ye && ms === me) return `${ds}–${de}.${me}.${ye}`;
  if (ys === ye) return `${ds}.${ms}–${de}.${me}.${ye}`;
  return `${ds}.${ms}.${ys}–${de}.${me}.${ye}`;
}

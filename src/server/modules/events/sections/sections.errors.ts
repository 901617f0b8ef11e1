// Error codes of the conference sections (S2-4, S0-3): sections exist only for a research-practice conference.
import { defineErrors } from '../../../platform/errors.js';

export const SectionErrors = defineErrors({
  SECTION_NOT_FOUND: { kind: 'not_found', ru: 'Секция не найдена.', en: 'Section not found.' },
  /** 409: the event exists and is managed, but its kind has no sections (only `research_conference` does). */
  SECTIONS_ONLY_FOR_CONFERENCE: {
    kind: 'conflict',
    ru: 'Секции бывают только у научно-практической конференции.',
    en: 'Only a research-practice conference has sections.',
  },
  SECTION_UNKNOWN_SUBJECT: {
    kind: 'invalid',
    ru: (p) => `Предмета «${p.subject}» нет в справочнике учебных предметов.`,
    en: (p) => `«${p.subject}» is not in the catalogue of subjects.`,
  },
  SECTION_TITLE_TAKEN: {
    kind: 'conflict',
    ru: (p) => `Секция «${p.title}» у этого мероприятия уже есть.`,
    en: (p) => `The event already has a section «${p.title}».`,
  },
  SECTION_IN_USE: {
    kind: 'conflict',
    ru: (p) =>
      `Секцию нельзя удалить: к ней относятся заявки (${p.applications}) или пункты программы (${p.activities}). Сначала перенесите их в другую секцию.`,
    en: (p) =>
      `The section has applications (${p.applications}) or programme items (${p.activities}); move them first.`,
  },
});

// Error codes of the events module (S0): events, approvals, the call, activity forms and applications.
import { defineErrors } from '../../platform/errors.js';

/** Russian plural: 1 день, 2 дня, 5 дней. */
export function ruPlural(n: number, forms: [string, string, string]): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b === 1) return forms[0];
  if (b >= 2 && b <= 4) return forms[1];
  return forms[2];
}
const days = (n: unknown) => `${n} ${ruPlural(Number(n), ['день', 'дня', 'дней'])}`;

export const EventErrors = defineErrors({
  EVENT_NOT_FOUND: { kind: 'not_found', ru: 'Мероприятие не найдено.', en: 'Event not found.' },
  EVENT_DURATION_INVALID: {
    kind: 'invalid',
    ru: (p) => `Педагогическая сессия длится от 2 до 6 дней включительно, а указано ${days(p.days)}.`,
    en: (p) => `A pedagogical session lasts 2 to 6 days inclusive; ${p.days} given.`,
  },
  EVENT_DATES_INVERTED: {
    kind: 'invalid',
    ru: 'Дата окончания не может быть раньше даты начала.',
    en: 'The end date cannot be before the start date.',
  },
  APPLICATION_WINDOW_INVALID: {
    kind: 'invalid',
    ru: 'Окончание приёма заявок не может быть раньше его начала.',
    en: 'The application window ends before it starts.',
  },
  EVENT_UNKNOWN_ORGANIZATION: {
    kind: 'invalid',
    ru: 'Организация не найдена в справочнике.',
    en: 'No such organisation in the directory.',
  },
  EVENT_UNKNOWN_MUNICIPALITY: {
    kind: 'invalid',
    ru: 'Муниципалитет не найден в справочнике.',
    en: 'No such municipality in the directory.',
  },
  EVENT_NOT_DRAFT: {
    kind: 'conflict',
    ru: 'Действие возможно только для мероприятия в статусе «черновик».',
    en: 'Only a draft event allows this.',
  },
  EVENT_NOT_APPROVED: {
    kind: 'conflict',
    ru: 'Приём заявок можно открыть только после согласования дат комитетом образования и методическим центром.',
    en: 'The call can be opened only after both approvals.',
  },
  EVENT_STATUS_TRANSITION: {
    kind: 'conflict',
    ru: (p) => `Нельзя перевести мероприятие из статуса «${p.from}» в «${p.to}».`,
    en: (p) => `Cannot move the event from «${p.from}» to «${p.to}».`,
  },
  ACTIVITY_FORM_NOT_FOUND: {
    kind: 'not_found',
    ru: 'Форма мероприятия не найдена.',
    en: 'Activity form not found.',
  },
  ACTIVITY_FORM_CODE_TAKEN: {
    kind: 'conflict',
    ru: (p) => `Форма с кодом «${p.code}» уже есть.`,
    en: (p) => `A form with code «${p.code}» already exists.`,
  },
  ACTIVITY_FORM_INACTIVE: {
    kind: 'invalid',
    ru: 'Эта форма мероприятия сейчас не принимается.',
    en: 'This activity form is not available.',
  },
  APPLICATION_NOT_FOUND: { kind: 'not_found', ru: 'Заявка не найдена.', en: 'Application not found.' },
  APPLICATIONS_CLOSED: {
    kind: 'conflict',
    ru: (p) =>
      p.from || p.until
        ? `Приём заявок закрыт: заявки принимаются${p.from ? ` с ${p.from}` : ''}${p.until ? ` по ${p.until}` : ''}.`
        : 'Приём заявок на это мероприятие не открыт.',
    en: 'Applications are not being accepted now.',
  },
  APPLICATION_NOT_EDITABLE: {
    kind: 'conflict',
    ru: 'Заявку можно менять, только пока она черновик или возвращена на доработку.',
    en: 'Only a draft or an application returned for changes can be edited.',
  },
  APPLICATION_NOT_SUBMITTED: {
    kind: 'conflict',
    ru: 'Рассмотреть можно только поданную заявку.',
    en: 'Only a submitted application can be reviewed.',
  },
  APPLICATION_CAP_REACHED: {
    kind: 'conflict',
    ru: (p) =>
      p.cap === 'organization'
        ? `Достигнут лимит принятых заявок от одной организации: ${p.limit}.`
        : `Достигнут лимит принятых заявок по форме «${p.form}»: ${p.limit}.`,
    en: (p) =>
      p.cap === 'organization'
        ? `The cap of accepted applications per organisation (${p.limit}) is reached.`
        : `The cap of accepted applications for the form «${p.form}» (${p.limit}) is reached.`,
  },
  REVIEW_COMMENT_REQUIRED: {
    kind: 'invalid',
    ru: 'Напишите комментарий: он нужен при отклонении заявки и при возврате на доработку.',
    en: 'A comment is required to reject or return an application.',
  },
  APPLICANT_WITHOUT_PERSON: {
    kind: 'invalid',
    ru: 'Ваша учётная запись не связана с карточкой педагога: подать заявку нельзя.',
    en: 'Your account is not linked to a person record.',
  },
  EVENT_UNKNOWN_SECTION: {
    kind: 'invalid',
    ru: 'Секция не относится к этому мероприятию.',
    en: 'The section does not belong to this event.',
  },
  UNKNOWN_CO_PRESENTER: {
    kind: 'invalid',
    ru: 'Соавтор не найден в справочнике.',
    en: 'Unknown co-presenter.',
  },
  FORM_FIELD_INVALID: {
    kind: 'invalid',
    ru: (p) => `Поле «${p.label}»: ${p.reason}.`,
    en: (p) => `Field «${p.label}»: ${p.reason}.`,
  },
});

// Stable error codes of feedback and the final report, with Russian and English messages.
import { defineErrors } from '../../../platform/errors.js';

export const FeedbackErrors = defineErrors({
  FEEDBACK_ALREADY_GIVEN: {
    kind: 'conflict',
    ru: 'Вы уже оставили отзыв об этом мероприятии.',
    en: 'You have already given feedback on this.',
  },
  FEEDBACK_NOT_PARTICIPANT: {
    kind: 'forbidden',
    ru: 'Отзыв могут оставить только зарегистрированные участники и посетившие мероприятие.',
    en: 'Only registered participants and attendees may give feedback.',
  },
  FEEDBACK_NO_PERSON: {
    kind: 'forbidden',
    ru: 'Учётная запись не связана с карточкой педагога — отзыв оставить нельзя.',
    en: 'Your account is not linked to a person, so you cannot give feedback.',
  },
  FEEDBACK_SCORES_INVALID: {
    kind: 'invalid',
    ru: 'Оценки не соответствуют анкете: нужна целая оценка по каждому критерию в его пределах.',
    en: 'The scores do not match the form: a whole score within range is needed for every criterion.',
  },
  FEEDBACK_FORM_IN_USE: {
    kind: 'conflict',
    ru: 'По анкете уже есть ответы: критерии нельзя добавить, удалить или изменить их шкалу — только переименовать.',
    en: 'The form already has responses: criteria may be renamed but not added, removed or rescaled.',
  },
});

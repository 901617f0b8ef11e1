// Error codes of invited speakers and partners (S3-6).
import { defineErrors } from '../../../platform/errors.js';

export const SpeakerErrors = defineErrors({
  SPEAKER_NOT_FOUND: {
    kind: 'not_found',
    ru: 'Запись о приглашённом спикере не найдена.',
    en: 'Invited speaker record not found.',
  },
  SPEAKER_UNKNOWN_PERSON: {
    kind: 'invalid',
    ru: 'Человек не найден в справочнике.',
    en: 'No such person in the directory.',
  },
  SPEAKER_UNKNOWN_EVENT: {
    kind: 'invalid',
    ru: 'Мероприятие не найдено.',
    en: 'No such event.',
  },
  SPEAKER_DUPLICATE: {
    kind: 'conflict',
    ru: 'Этот человек уже записан в этом качестве (для этого мероприятия).',
    en: 'This person is already recorded in this capacity (for this event).',
  },
});

// Stable error codes of the materials folder, with Russian and English messages.
import { defineErrors } from '../../../platform/errors.js';

export const MaterialErrors = defineErrors({
  MATERIAL_FILE_MISSING: {
    kind: 'invalid',
    ru: 'Приложите файл.',
    en: 'Please attach a file.',
  },
  MATERIAL_ACTIVITY_FOREIGN: {
    kind: 'invalid',
    ru: 'Мероприятие программы относится к другому событию.',
    en: 'The activity belongs to another event.',
  },
});

// Error codes of the import module.
import { defineErrors } from '../../platform/errors.js';

export const ImportErrors = defineErrors({
  IMPORT_NOT_FOUND: {
    kind: 'not_found',
    ru: 'Задание импорта не найдено.',
    en: 'Import job not found.',
  },
  IMPORT_TEMPLATE_NOT_FOUND: {
    kind: 'not_found',
    ru: 'Такого шаблона нет: есть people.xlsx, people.csv, organizations.xlsx, organizations.csv.',
    en: 'No such template: people.xlsx, people.csv, organizations.xlsx, organizations.csv exist.',
  },
  IMPORT_FILE_MISSING: {
    kind: 'invalid',
    ru: 'Приложите файл XLSX или CSV (поле «file»).',
    en: 'Attach an XLSX or CSV file (field "file").',
  },
  IMPORT_FILE_EMPTY: {
    kind: 'invalid',
    ru: 'Файл пустой.',
    en: 'The file is empty.',
  },
  IMPORT_FILE_NOT_FOUND: {
    kind: 'not_found',
    ru: (p) => `Файл не найден: ${p.file}`,
    en: (p) => `File not found: ${p.file}`,
  },
});

// Error codes of backup and restore.
import { defineErrors } from '../../platform/errors.js';

export const BackupErrors = defineErrors({
  BACKUP_FILE_NOT_FOUND: {
    kind: 'not_found',
    ru: (p) => `Файл резервной копии не найден: ${p.file}`,
    en: (p) => `Backup file not found: ${p.file}`,
  },
  BACKUP_INVALID: {
    kind: 'invalid',
    ru: (p) => `Файл не является резервной копией Rost или повреждён: ${p.reason}.`,
    en: (p) => `Not a Rost backup or damaged: ${p.reason}.`,
  },
  BACKUP_SCHEMA_MISMATCH: {
    kind: 'conflict',
    ru: (p) => `Копию нельзя восстановить в эту базу: ${p.reason}.`,
    en: (p) => `The backup does not fit this database: ${p.reason}.`,
  },
  BACKUP_TARGET_NOT_EMPTY: {
    kind: 'conflict',
    ru: (p) =>
      `База данных не пустая (есть записи в таблицах ${p.tables}). Восстановление выполняется только в пустую базу: ` +
      'укажите новый каталог данных (ROST_DATA_DIR) или пустую базу (DATABASE_URL).',
    en: (p) =>
      `The database is not empty (rows in ${p.tables}). Restore only into an empty database: ` +
      'set a new data directory (ROST_DATA_DIR) or an empty database (DATABASE_URL).',
  },
});

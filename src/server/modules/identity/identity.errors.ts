// Error codes of users, roles and invitations (Russian and English messages).
import { defineErrors } from '../../platform/errors.js';

export const IdentityErrors = defineErrors({
  USER_EMAIL_TAKEN: {
    kind: 'conflict',
    ru: 'Пользователь с таким e-mail уже есть.',
    en: 'A user with this e-mail already exists.',
  },
  USER_PERSON_NOT_FOUND: {
    kind: 'invalid',
    ru: 'Человек не найден в справочнике.',
    en: 'The person was not found in the directory.',
  },
  USER_PERSON_TAKEN: {
    kind: 'conflict',
    ru: 'Этот человек уже связан с другой учётной записью.',
    en: 'This person is already linked to another account.',
  },
  ROLE_SCOPE_NOT_FOUND: {
    kind: 'invalid',
    ru: 'Область действия роли не найдена: проверьте регион, муниципалитет или организацию.',
    en: 'The scope of the role was not found: check the region, municipality or organisation.',
  },
  ROLE_SCOPE_MISMATCH: {
    kind: 'invalid',
    ru: (p) => `Роль «${p.role}» не назначается на область «${p.scopeType}».`,
    en: (p) => `The role "${p.role}" cannot be granted at the scope "${p.scopeType}".`,
  },
  CANNOT_DISABLE_SELF: {
    kind: 'conflict',
    ru: 'Нельзя отключить собственную учётную запись.',
    en: 'You cannot disable your own account.',
  },
  CANNOT_REMOVE_OWN_ADMIN: {
    kind: 'conflict',
    ru: 'Нельзя снять с себя роль администратора.',
    en: 'You cannot remove the admin role from yourself.',
  },
  INVITATION_INVALID: {
    kind: 'not_found',
    ru: 'Приглашение недействительно или устарело. Попросите прислать новое.',
    en: 'The invitation is invalid or has expired. Please ask for a new one.',
  },
});

// Error codes of the certificate registry.
import { defineErrors } from '../../platform/errors.js';

export const CertificateErrors = defineErrors({
  EVENT_NOT_FOUND: { kind: 'not_found', ru: 'Мероприятие не найдено.', en: 'Event not found.' },
  CERTIFICATE_NOT_FOUND: { kind: 'not_found', ru: 'Сертификат не найден.', en: 'Certificate not found.' },
  CERTIFICATE_REVOKED: {
    kind: 'conflict',
    ru: 'Сертификат уже аннулирован.',
    en: 'The certificate has already been revoked.',
  },
  NOTHING_TO_ISSUE: {
    kind: 'invalid',
    ru: 'Некому выдавать сертификаты: отметьте посещаемость или выберите участников.',
    en: 'Nobody to issue certificates to: mark attendance or select people.',
  },
  CERTIFICATE_HOLDER_UNKNOWN: {
    kind: 'invalid',
    ru: 'Среди выбранных есть неизвестные люди.',
    en: 'Some selected people are unknown.',
  },
  SENDING_IN_PROGRESS: {
    kind: 'conflict',
    ru: 'Рассылка сертификатов этого мероприятия уже идёт.',
    en: 'Certificates of this event are already being sent.',
  },
});

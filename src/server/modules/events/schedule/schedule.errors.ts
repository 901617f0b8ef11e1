// Error codes of the schedule: rooms, activities and clashes, registrations, attendance, staff, consultations.
import { defineErrors } from '../../../platform/errors.js';

export const ScheduleErrors = defineErrors({
  EVENT_NOT_FOUND: { kind: 'not_found', ru: 'Мероприятие не найдено.', en: 'Event not found.' },
  ROOM_NOT_FOUND: { kind: 'not_found', ru: 'Аудитория не найдена.', en: 'Room not found.' },
  ACTIVITY_NOT_FOUND: {
    kind: 'not_found',
    ru: 'Пункт программы не найден.',
    en: 'Programme item not found.',
  },
  STAFF_NOT_FOUND: { kind: 'not_found', ru: 'Назначение не найдено.', en: 'Assignment not found.' },
  CONSULTATION_NOT_FOUND: {
    kind: 'not_found',
    ru: 'Консультация не найдена.',
    en: 'Consultation not found.',
  },
  CALENDAR_TOKEN_INVALID: {
    kind: 'not_found',
    ru: 'Ссылка на календарь недействительна. Получите новую на странице «Моё расписание».',
    en: 'The calendar link is not valid. Get a new one on the “My schedule” page.',
  },
  CALENDAR_TOKEN_REQUIRED: {
    kind: 'unauthenticated',
    ru: 'Для подписки на календарь нужна ссылка с ключом.',
    en: 'The calendar feed needs a link with a key.',
  },
  ROOM_NAME_TAKEN: {
    kind: 'conflict',
    ru: (p) => `Аудитория «${p.name}» уже есть в этом мероприятии.`,
    en: (p) => `Room “${p.name}” already exists in this event.`,
  },
  ROOM_IN_USE: {
    kind: 'conflict',
    ru: 'В аудитории стоят пункты программы: сначала перенесите их.',
    en: 'The room has programme items: move them first.',
  },
  UNKNOWN_ROOM: {
    kind: 'invalid',
    ru: 'Поле «Аудитория»: такой аудитории нет в этом мероприятии.',
    en: 'Field “room”: no such room in this event.',
  },
  UNKNOWN_APPLICATION: {
    kind: 'invalid',
    ru: 'Поле «Заявка»: такой заявки нет в этом мероприятии.',
    en: 'Field “application”: no such application in this event.',
  },
  UNKNOWN_PERSON: {
    kind: 'invalid',
    ru: 'Такого человека нет в справочнике.',
    en: 'No such person in the directory.',
  },
  UNKNOWN_ACTIVITY: {
    kind: 'invalid',
    ru: 'Поле «Пункт программы»: такого пункта нет в этом мероприятии.',
    en: 'Field “programme item”: no such item in this event.',
  },
  APPLICATION_NOT_ACCEPTED: {
    kind: 'invalid',
    ru: 'В программу ставятся только принятые заявки.',
    en: 'Only accepted applications can be scheduled.',
  },
  APPLICATION_ALREADY_PLACED: {
    kind: 'conflict',
    ru: 'Эта заявка уже стоит в программе.',
    en: 'This application is already in the programme.',
  },
  TIME_RANGE_INVALID: {
    kind: 'invalid',
    ru: 'Время окончания должно быть позже времени начала.',
    en: 'The end must be after the start.',
  },
  OUTSIDE_EVENT_DATES: {
    kind: 'invalid',
    ru: (p) => `Время должно быть в дни мероприятия: ${p.from} — ${p.to}.`,
    en: (p) => `The time must be within the event's dates: ${p.from} — ${p.to}.`,
  },
  SCHEDULE_CLASH: {
    kind: 'conflict',
    ru: (p) => String(p.ru),
    en: (p) => String(p.en),
  },
  SCHEDULE_NOT_PUBLISHED: {
    kind: 'not_found',
    ru: 'Программа мероприятия ещё не опубликована.',
    en: 'The event programme is not published yet.',
  },
  NO_PERSON: {
    kind: 'forbidden',
    ru: 'Ваша учётная запись не связана с человеком в справочнике: обратитесь к администратору.',
    en: 'Your account is not linked to a person in the directory: ask an administrator.',
  },
  NOT_REGISTERED: {
    kind: 'forbidden',
    ru: 'Вы не записаны на это занятие.',
    en: 'You are not registered for this activity.',
  },
  CHECKIN_KEY_INVALID: {
    kind: 'invalid',
    ru: 'QR-код не подходит к этому занятию.',
    en: 'The QR code does not match this activity.',
  },
});

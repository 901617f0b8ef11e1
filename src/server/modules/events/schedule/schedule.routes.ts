// Routes of the schedule: rooms, the programme and its documents, registrations, attendance, staff, consultations.
import { z } from 'zod';
import { pageOf } from '../../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZIdParams, ZOk } from '../../../platform/routes.js';
import {
  createActivity,
  createRoom,
  deleteActivity,
  deleteRoom,
  getSchedule,
  listRooms,
  listUnplaced,
  publishSchedule,
  updateActivity,
  updateRoom,
} from './activities.service.js';
import {
  calendarFeed,
  cancelRegistration,
  createCalendarToken,
  getCalendarLink,
  listRegistrations,
  mySchedule,
  openActivities,
  register,
} from './registrations.service.js';
import {
  ZActivity,
  ZActivityCreate,
  ZActivityUpdate,
  ZCalendarLink,
  ZCalendarQuery,
  ZMyActivity,
  ZMyRegistration,
  ZMyScheduleQuery,
  ZOpenQuery,
  ZPublish,
  ZRegistration,
  ZRegistrationQuery,
  ZRoom,
  ZRoomCreate,
  ZRoomUpdate,
  ZSchedule,
  ZUnplaced,
} from './schedule.schemas.js';

const programmeRoutes: RoutesPlugin = async (app) => {
  const tags = ['schedule'];
  app.get(
    '/events/:id/rooms',
    {
      schema: {
        tags,
        summary: 'Аудитории мероприятия (организаторы)',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZRoom) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listRooms(app.ctx, req.actor, req.params.id) }),
  );
  app.post(
    '/events/:id/rooms',
    {
      schema: {
        tags,
        summary: 'Добавить аудиторию: название, вместимость, оборудование',
        params: ZIdParams,
        body: ZRoomCreate,
        response: { 201: ZRoom, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createRoom(app.ctx, req.actor, req.params.id, req.body)),
  );
  app.patch(
    '/rooms/:id',
    {
      schema: {
        tags,
        summary: 'Изменить аудиторию',
        params: ZIdParams,
        body: ZRoomUpdate,
        response: { 200: ZRoom, ...errorResponses },
      },
    },
    async (req) => updateRoom(app.ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/rooms/:id',
    {
      schema: {
        tags,
        summary: 'Удалить аудиторию (без пунктов программы)',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => deleteRoom(app.ctx, req.actor, req.params.id),
  );
  app.get(
    '/events/:id/activities/unplaced',
    {
      schema: {
        tags,
        summary: 'Принятые заявки, ещё не поставленные в программу',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZUnplaced) }), ...errorResponses },
      },
    },
    async (req) => listUnplaced(app.ctx, req.actor, req.params.id),
  );
  app.post(
    '/events/:id/activities',
    {
      schema: {
        tags,
        summary:
          'Поставить в программу принятую заявку или пункт организатора; занятая аудитория или ведущий → 409 SCHEDULE_CLASH',
        params: ZIdParams,
        body: ZActivityCreate,
        response: { 201: ZActivity, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createActivity(app.ctx, req.actor, req.params.id, req.body)),
  );
  app.patch(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Перенести или изменить пункт программы (записавшимся приходит письмо)',
        params: ZIdParams,
        body: ZActivityUpdate,
        response: { 200: ZActivity, ...errorResponses },
      },
    },
    async (req) => updateActivity(app.ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Убрать пункт из программы',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => deleteActivity(app.ctx, req.actor, req.params.id),
  );
  app.get(
    '/events/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Программа: дни × аудитории × время (организаторам всегда, остальным после публикации)',
        params: ZIdParams,
        response: { 200: ZSchedule, ...errorResponses },
      },
    },
    async (req) => getSchedule(app.ctx, req.actor, req.params.id),
  );
  app.post(
    '/events/:id/schedule/publish',
    {
      schema: {
        tags,
        summary: 'Опубликовать программу (или снять с публикации: published=false)',
        params: ZIdParams,
        body: ZPublish,
        response: { 200: ZSchedule, ...errorResponses },
      },
    },
    async (req) => publishSchedule(app.ctx, req.actor, req.params.id, req.body.published),
  );
  app.get(
    '/public/events/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Опубликованная программа без входа в систему',
        params: ZIdParams,
        response: { 200: ZSchedule, ...errorResponses },
      },
    },
    async (req) => getSchedule(app.ctx, null, req.params.id, { publicOnly: true }),
  );
};

const registrationRoutes: RoutesPlugin = async (app) => {
  const tags = ['schedule'];
  app.post(
    '/activities/:id/registrations',
    {
      schema: {
        tags,
        summary: 'Записаться на занятие (сверх вместимости — в лист ожидания)',
        params: ZIdParams,
        response: { 201: ZMyRegistration, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await register(app.ctx, req.actor, req.params.id)),
  );
  app.delete(
    '/activities/:id/registrations',
    {
      schema: {
        tags,
        summary: 'Отменить свою запись (первый из листа ожидания записывается)',
        params: ZIdParams,
        response: { 200: ZMyRegistration, ...errorResponses },
      },
    },
    async (req) => cancelRegistration(app.ctx, req.actor, req.params.id),
  );
  app.get(
    '/activities/:id/registrations',
    {
      schema: {
        tags,
        summary: 'Записавшиеся на занятие с отметкой присутствия (организаторы)',
        params: ZIdParams,
        querystring: ZRegistrationQuery,
        response: { 200: pageOf(ZRegistration), ...errorResponses },
      },
    },
    async (req) => listRegistrations(app.ctx, req.actor, req.params.id, req.query),
  );
  app.get(
    '/me/schedule',
    {
      schema: {
        tags,
        summary: 'Моё расписание: занятия, на которые я записан(а) или которые веду',
        querystring: ZMyScheduleQuery,
        response: { 200: pageOf(ZMyActivity), ...errorResponses },
      },
    },
    async (req) => mySchedule(app.ctx, req.actor, req.query),
  );
  app.get(
    '/activities/open',
    {
      schema: {
        tags,
        summary: 'Занятия опубликованных программ, открытые для записи',
        querystring: ZOpenQuery,
        response: { 200: pageOf(ZMyActivity), ...errorResponses },
      },
    },
    async (req) => openActivities(app.ctx, req.actor, req.query),
  );
  app.get(
    '/me/calendar-token',
    {
      schema: {
        tags,
        summary: 'Ссылка на мой календарь (iCalendar), если уже создана',
        response: { 200: ZCalendarLink, ...errorResponses },
      },
    },
    async (req) => getCalendarLink(app.ctx, req.actor),
  );
  app.post(
    '/me/calendar-token',
    {
      schema: {
        tags,
        summary: 'Создать новую ссылку на мой календарь (старая перестаёт работать)',
        response: { 200: ZCalendarLink, ...errorResponses },
      },
    },
    async (req) => createCalendarToken(app.ctx, req.actor),
  );
  app.get(
    '/me/calendar.ics',
    {
      schema: {
        tags,
        summary: 'Мой календарь в формате iCalendar (по секретной ссылке, без входа)',
        querystring: ZCalendarQuery,
        produces: ['text/calendar'],
        response: { 200: z.any().describe('Файл iCalendar'), ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="rost.ics"')
        .send(await calendarFeed(app.ctx, req.query.token)),
  );
};

export const scheduleRoutes: RoutesPlugin = async (app) => {
  await app.register(programmeRoutes);
  await app.register(registrationRoutes);
};

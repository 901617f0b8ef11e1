// Routes of registrations, my schedule and the iCalendar feed (S0-5, S0-9, X-5).
import { z } from 'zod';
import { pageOf } from '../../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZIdParams } from '../../../platform/routes.js';
import { calendarFeed, createCalendarToken, getCalendarLink } from './calendar.service.js';
import {
  cancelRegistration,
  listRegistrations,
  mySchedule,
  openActivities,
  register,
} from './registrations.service.js';
import {
  ZCalendarLink,
  ZCalendarQuery,
  ZMyActivity,
  ZMyRegistration,
  ZMyScheduleQuery,
  ZOpenQuery,
  ZRegistration,
  ZRegistrationQuery,
} from './schedule.schemas.js';

export const registrationRoutes: RoutesPlugin = async (app) => {
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

// Routes of the programme: rooms, placing activities, the unplaced applications, publishing (S0-5).
import { z } from 'zod';
import { errorResponses, type RoutesPlugin, ZIdParams, ZOk } from '../../../platform/routes.js';
import {
  createActivity,
  deleteActivity,
  getSchedule,
  listUnplaced,
  publishSchedule,
  updateActivity,
} from './activities.service.js';
import { createRoom, deleteRoom, listRooms, updateRoom } from './rooms.service.js';
import {
  ZActivity,
  ZActivityCreate,
  ZActivityUpdate,
  ZPublish,
  ZRoom,
  ZRoomCreate,
  ZRoomUpdate,
  ZSchedule,
  ZUnplaced,
} from './schedule.schemas.js';

export const programmeRoutes: RoutesPlugin = async (app) => {
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

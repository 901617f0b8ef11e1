// Routes of the schedule: rooms, the programme and its documents, registrations, attendance, staff, consultations.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { sendXlsx, XLSX_MIME } from '../../../documents/xlsx.js';
import { pageOf, ZPageQuery } from '../../../platform/pagination.js';
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
import { checkin, checkinQr, setAttendance } from './attendance.service.js';
import { calendarFeed, createCalendarToken, getCalendarLink } from './calendar.service.js';
import { attendanceListDocument, programmeDocument } from './documents.service.js';
import { exportParticipants } from './participants.export.js';
import {
  cancelRegistration,
  listRegistrations,
  mySchedule,
  openActivities,
  register,
} from './registrations.service.js';
import {
  ZActivity,
  ZActivityCreate,
  ZActivityUpdate,
  ZAttendanceSet,
  ZCalendarLink,
  ZCalendarQuery,
  ZCheckin,
  ZCheckinResult,
  ZConsultation,
  ZConsultationCreate,
  ZConsultationQuery,
  ZConsultationUpdate,
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
  ZStaff,
  ZStaffCreate,
  ZStaffUpdate,
  ZUnplaced,
} from './schedule.schemas.js';
import {
  createStaff,
  deleteStaff,
  listConsultations,
  listStaff,
  requestConsultation,
  updateConsultation,
  updateStaff,
} from './staff.service.js';

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

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZFormatParams = ZIdParams.extend({ format: z.enum(['pdf', 'docx']) });

function sendDocument(
  reply: FastifyReply,
  format: 'pdf' | 'docx',
  file: { fileName: string; body: Buffer },
  downloadName: string,
) {
  return reply
    .type(format === 'pdf' ? PDF : DOCX)
    .header(
      'content-disposition',
      `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(downloadName)}`,
    )
    .send(file.body);
}

const documentRoutes: RoutesPlugin = async (app) => {
  const tags = ['schedule'];
  app.get(
    '/events/:id/schedule.:format',
    {
      schema: {
        tags,
        summary: 'Программа мероприятия в PDF или DOCX (таблица на каждый день)',
        params: ZFormatParams,
        produces: [PDF, DOCX],
        response: { 200: z.any().describe('Файл PDF или DOCX'), ...errorResponses },
      },
    },
    async (req, reply) =>
      sendDocument(
        reply,
        req.params.format,
        await programmeDocument(app.ctx, req.actor, req.params.id, req.params.format),
        `Программа.${req.params.format}`,
      ),
  );
  app.get(
    '/activities/:id/attendance-list.:format',
    {
      schema: {
        tags,
        summary: 'Лист регистрации для подписей (ФИО, организация, подпись) в PDF или DOCX',
        params: ZFormatParams,
        produces: [PDF, DOCX],
        response: { 200: z.any().describe('Файл PDF или DOCX'), ...errorResponses },
      },
    },
    async (req, reply) =>
      sendDocument(
        reply,
        req.params.format,
        await attendanceListDocument(app.ctx, req.actor, req.params.id, req.params.format),
        `Лист регистрации.${req.params.format}`,
      ),
  );
  app.get(
    '/events/:id/participants.xlsx',
    {
      schema: {
        tags,
        summary: 'Все записи на мероприятия программы: ФИО, организация, статус записи, присутствие (XLSX)',
        params: ZIdParams,
        produces: [XLSX_MIME],
        response: { 200: z.any().describe('Файл XLSX'), ...errorResponses },
      },
    },
    async (req, reply) => sendXlsx(reply, await exportParticipants(app.ctx, req.actor, req.params.id)),
  );
};

const attendanceRoutes: RoutesPlugin = async (app) => {
  const tags = ['schedule'];
  app.put(
    '/activities/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Отметить присутствие (present=true) или снять отметку (организаторы)',
        params: ZIdParams,
        body: ZAttendanceSet,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => setAttendance(app.ctx, req.actor, req.params.id, req.body),
  );
  app.get(
    '/activities/:id/checkin-qr',
    {
      schema: {
        tags,
        summary: 'QR-код для отметки у входа (SVG): ссылка /checkin/{id}?k=…',
        params: ZIdParams,
        produces: ['image/svg+xml'],
        response: { 200: z.any().describe('Изображение SVG'), ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.type('image/svg+xml').send(await checkinQr(app.ctx, req.actor, req.params.id)),
  );
  app.post(
    '/activities/:id/checkin',
    {
      schema: {
        tags,
        summary: 'Отметиться по QR-коду (записавшийся участник)',
        params: ZIdParams,
        body: ZCheckin,
        response: { 200: ZCheckinResult, ...errorResponses },
      },
    },
    async (req) => checkin(app.ctx, req.actor, req.params.id, req.body.k),
  );
};

const staffRoutes: RoutesPlugin = async (app) => {
  const tags = ['schedule'];
  app.get(
    '/events/:id/staff',
    {
      schema: {
        tags,
        summary:
          'Сотрудники мероприятия: техническое, художественное, музыкальное, оперативное сопровождение',
        params: ZIdParams,
        querystring: ZPageQuery,
        response: { 200: pageOf(ZStaff), ...errorResponses },
      },
    },
    async (req) => listStaff(app.ctx, req.actor, req.params.id, req.query),
  );
  app.post(
    '/events/:id/staff',
    {
      schema: {
        tags,
        summary: 'Назначить сотрудника',
        params: ZIdParams,
        body: ZStaffCreate,
        response: { 201: ZStaff, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createStaff(app.ctx, req.actor, req.params.id, req.body)),
  );
  app.patch(
    '/staff/:id',
    {
      schema: {
        tags,
        summary: 'Изменить назначение',
        params: ZIdParams,
        body: ZStaffUpdate,
        response: { 200: ZStaff, ...errorResponses },
      },
    },
    async (req) => updateStaff(app.ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/staff/:id',
    {
      schema: {
        tags,
        summary: 'Снять назначение',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => deleteStaff(app.ctx, req.actor, req.params.id),
  );
  app.get(
    '/events/:id/consultations',
    {
      schema: {
        tags,
        summary: 'Консультации: организаторам все, остальным свои',
        params: ZIdParams,
        querystring: ZConsultationQuery,
        response: { 200: pageOf(ZConsultation), ...errorResponses },
      },
    },
    async (req) => listConsultations(app.ctx, req.actor, req.params.id, req.query),
  );
  app.post(
    '/events/:id/consultations',
    {
      schema: {
        tags,
        summary: 'Запросить консультацию (педагог или организация): тема, вопрос',
        params: ZIdParams,
        body: ZConsultationCreate,
        response: { 201: ZConsultation, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await requestConsultation(app.ctx, req.actor, req.params.id, req.body)),
  );
  app.patch(
    '/consultations/:id',
    {
      schema: {
        tags,
        summary: 'Назначить консультанта и время, сменить статус (организаторы)',
        params: ZIdParams,
        body: ZConsultationUpdate,
        response: { 200: ZConsultation, ...errorResponses },
      },
    },
    async (req) => updateConsultation(app.ctx, req.actor, req.params.id, req.body),
  );
};

export const scheduleRoutes: RoutesPlugin = async (app) => {
  await app.register(programmeRoutes);
  await app.register(registrationRoutes);
  await app.register(documentRoutes);
  await app.register(attendanceRoutes);
  await app.register(staffRoutes);
};

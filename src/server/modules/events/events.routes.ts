// /api/events (S0-1, S0-2): list, detail, create, change, delete, approvals, opening the call;
// /api/public/events/:id (no sign-in); /api/activity-forms (S0-10).
import { z } from 'zod';
import { sendXlsx, XLSX_MIME } from '../../documents/xlsx.js';
import { pageOf } from '../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZIdParams, ZOk } from '../../platform/routes.js';
import { approveEvent, getPublicEvent, publishCall } from './events.call.service.js';
import { exportEvents } from './events.export.js';
import { createActivityForm, listActivityForms, updateActivityForm } from './events.forms.service.js';
import {
  registerGuest,
  searchPublicOrganizations,
  ZGuestRegistration,
  ZPublicOrganization,
  ZPublicOrganizationQuery,
} from './events.guests.js';
import {
  ZActivityForm,
  ZActivityFormCreate,
  ZActivityFormQuery,
  ZActivityFormUpdate,
  ZApproveBody,
  ZEvent,
  ZEventCreate,
  ZEventList,
  ZEventQuery,
  ZEventUpdate,
  ZPublicEvent,
  ZPublishCall,
} from './events.schemas.js';
import { createEvent, deleteEvent, getEvent, listEvents, updateEvent } from './events.service.js';

export const eventCoreRoutes: RoutesPlugin = async (app) => {
  const tags = ['events'];
  app.get(
    '/events',
    {
      schema: {
        tags,
        summary:
          'Мероприятия: фильтры по виду, статусу, учебному году; когда следующая педагогическая сессия',
        querystring: ZEventQuery,
        response: { 200: ZEventList, ...errorResponses },
      },
    },
    async (req) => listEvents(app.ctx, req.actor, req.query),
  );
  app.get(
    '/events/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Выгрузка списка мероприятий в XLSX (те же фильтры)',
        querystring: ZEventQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX_MIME],
        response: { 200: z.any().describe('Файл XLSX'), ...errorResponses },
      },
    },
    async (req, reply) => sendXlsx(reply, await exportEvents(app.ctx, req.actor, req.query)),
  );
  app.post(
    '/events',
    {
      schema: {
        tags,
        summary: 'Создать мероприятие (администратор, методист; педагогическая сессия — 2–6 дней)',
        body: ZEventCreate,
        response: { 201: ZEvent, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createEvent(app.ctx, req.actor, req.body)),
  );
  app.get(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'Мероприятие',
        params: ZIdParams,
        response: { 200: ZEvent, ...errorResponses },
      },
    },
    async (req) => getEvent(app.ctx, req.actor, req.params.id),
  );
  app.patch(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'Изменить мероприятие; закрыть приём, завершить или отменить',
        params: ZIdParams,
        body: ZEventUpdate,
        response: { 200: ZEvent, ...errorResponses },
      },
    },
    async (req) => updateEvent(app.ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'Удалить черновик мероприятия',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => deleteEvent(app.ctx, req.actor, req.params.id),
  );
  app.post(
    '/events/:id/approve',
    {
      schema: {
        tags,
        summary: 'Согласование дат: комитет образования или методический центр (кто, когда, комментарий)',
        params: ZIdParams,
        body: ZApproveBody,
        response: { 200: ZEvent, ...errorResponses },
      },
    },
    async (req) => approveEvent(app.ctx, req.actor, req.params.id, req.body),
  );
  app.post(
    '/events/:id/publish-call',
    {
      schema: {
        tags,
        summary: 'Открыть приём заявок: условия, порядок, сроки; уведомить приглашённые организации',
        params: ZIdParams,
        body: ZPublishCall,
        response: { 200: ZEvent, ...errorResponses },
      },
    },
    async (req) => publishCall(app.ctx, req.actor, req.params.id, req.body),
  );
  app.get(
    '/public/events/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'Публичная страница мероприятия (без входа): условия, порядок, сроки приёма заявок',
        params: ZIdParams,
        response: { 200: ZPublicEvent, ...errorResponses },
      },
    },
    async (req) => getPublicEvent(app.ctx, req.params.id),
  );

  const formTags = ['activity-forms'];
  app.get(
    '/activity-forms',
    {
      schema: {
        tags: formTags,
        summary: 'Каталог форм мероприятий (S0-10)',
        querystring: ZActivityFormQuery,
        response: { 200: pageOf(ZActivityForm), ...errorResponses },
      },
    },
    async (req) => listActivityForms(app.ctx, req.actor, req.query),
  );
  app.post(
    '/activity-forms',
    {
      schema: {
        tags: formTags,
        summary: 'Добавить форму мероприятия (администратор)',
        body: ZActivityFormCreate,
        response: { 201: ZActivityForm, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createActivityForm(app.ctx, req.actor, req.body)),
  );
  app.patch(
    '/activity-forms/:id',
    {
      schema: {
        tags: formTags,
        summary: 'Изменить форму мероприятия (администратор)',
        params: ZIdParams,
        body: ZActivityFormUpdate,
        response: { 200: ZActivityForm, ...errorResponses },
      },
    },
    async (req) => updateActivityForm(app.ctx, req.actor, req.params.id, req.body),
  );

  app.get(
    '/public/organizations',
    {
      schema: {
        tags: ['public'],
        summary: 'Поиск организации для регистрации гостя (название и место, без входа)',
        querystring: ZPublicOrganizationQuery,
        response: { 200: z.object({ items: z.array(ZPublicOrganization) }), ...errorResponses },
      },
    },
    async (req) => searchPublicOrganizations(app.ctx, req.query.q),
  );
  app.post(
    '/public/guest-registrations',
    {
      schema: {
        tags: ['public'],
        summary: 'Регистрация внешнего участника (гостя): организация из справочника или предложение новой',
        body: ZGuestRegistration,
        response: { 201: z.object({ userId: z.string(), personId: z.uuid() }), ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await registerGuest(app.ctx, req.body)),
  );
};

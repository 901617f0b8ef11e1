// /api/events/:id/feedback…: forms, responses, results, who has not answered, XLSX (S0-7);
// /api/events/:id/report…: the final report (S0-8).
import { z } from 'zod';
import { sendXlsx } from '../../../documents/xlsx.js';
import { pageOf } from '../../../platform/pagination.js';
import { errorResponses, type RoutesPlugin, ZIdParams } from '../../../platform/routes.js';
import { portfolioRoutes } from '../portfolio/portfolio.routes.js';
import { getMissing, getResults, missingXlsx, resultsXlsx } from './feedback.results.service.js';
import {
  ZEventForms,
  ZEventFormsInput,
  ZFeedbackResponse,
  ZGiveContext,
  ZGiveContextQuery,
  ZGiveFeedback,
  ZMissingPerson,
  ZMissingQuery,
  ZResults,
  ZResultsQuery,
} from './feedback.schemas.js';
import { getEventForms, giveContext, giveFeedback, putEventForms } from './feedback.service.js';
import { reportRoutes } from './report.routes.js';

export const feedbackRoutes: RoutesPlugin = async (app) => {
  app.get(
    '/events/:id/feedback/forms',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Анкеты обратной связи события (своя копия или шаблон по умолчанию)',
        params: ZIdParams,
        response: { 200: ZEventForms, ...errorResponses },
      },
    },
    async (req) => getEventForms(app.ctx, req.actor, req.params.id),
  );

  app.put(
    '/events/:id/feedback/forms',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Изменить анкеты события (организаторы)',
        params: ZIdParams,
        body: ZEventFormsInput,
        response: { 200: ZEventForms, ...errorResponses },
      },
    },
    async (req) => putEventForms(app.ctx, req.actor, req.params.id, req.body),
  );

  app.get(
    '/events/:id/feedback/give',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Для страницы отзыва: анкета, можно ли ответить, ответил ли уже',
        params: ZIdParams,
        querystring: ZGiveContextQuery,
        response: { 200: ZGiveContext, ...errorResponses },
      },
    },
    async (req) => giveContext(app.ctx, req.actor, req.params.id, req.query.activityId),
  );

  app.post(
    '/events/:id/feedback',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Оставить отзыв (участник; один отзыв на мероприятие программы или на событие)',
        params: ZIdParams,
        body: ZGiveFeedback,
        response: { 201: ZFeedbackResponse, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await giveFeedback(app.ctx, req.actor, req.params.id, req.body)),
  );

  app.get(
    '/events/:id/feedback/results',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Итоги обратной связи: средний балл и распределение по критериям, доля ответивших',
        params: ZIdParams,
        querystring: ZResultsQuery,
        response: { 200: ZResults, ...errorResponses },
      },
    },
    async (req) => getResults(app.ctx, req.actor, req.params.id, req.query.by),
  );

  app.get(
    '/events/:id/feedback/results.xlsx',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Итоги обратной связи в XLSX',
        params: ZIdParams,
        querystring: ZResultsQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.any().describe('XLSX'), ...errorResponses },
      },
    },
    async (req, reply) => sendXlsx(reply, await resultsXlsx(app.ctx, req.actor, req.params.id, req.query.by)),
  );

  app.get(
    '/events/:id/feedback/missing',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Посетившие, но не ответившие на анкету',
        params: ZIdParams,
        querystring: ZMissingQuery,
        response: { 200: pageOf(ZMissingPerson), ...errorResponses },
      },
    },
    async (req) => getMissing(app.ctx, req.actor, req.params.id, req.query),
  );
  app.get(
    '/events/:id/feedback/missing.xlsx',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Посетившие, но не ответившие на анкету, в XLSX (вся анкета мероприятия или одно занятие)',
        params: ZIdParams,
        querystring: ZMissingQuery.pick({ activityId: true }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.any().describe('XLSX'), ...errorResponses },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await missingXlsx(app.ctx, req.actor, req.params.id, req.query.activityId)),
  );

  await app.register(reportRoutes);
  // the portfolio lives beside: it reads the same evidence (registered here, the events index stays untouched)
  await app.register(portfolioRoutes);
};

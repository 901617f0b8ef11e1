// Routes of attendance: marks by organisers and the QR check-in at the door (S0-5).
import { z } from 'zod';
import { errorResponses, type RoutesPlugin, ZIdParams, ZOk } from '../../../platform/routes.js';
import { checkin, checkinQr, setAttendance } from './attendance.service.js';
import { ZAttendanceSet, ZCheckin, ZCheckinResult } from './schedule.schemas.js';

export const attendanceRoutes: RoutesPlugin = async (app) => {
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

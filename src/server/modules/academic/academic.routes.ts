// /api/academic-years: the current academic year and the years around it.
import { errorResponses, type RoutesPlugin } from '../../platform/routes.js';
import { ZAcademicYears, ZAcademicYearsQuery } from './academic.schemas.js';
import { listAcademicYears } from './academic.service.js';

export const academicRoutes: RoutesPlugin = async (app) => {
  app.get(
    '/academic-years',
    {
      schema: {
        tags: ['academic'],
        summary: 'Учебные годы (1 сентября – 31 августа): текущий и соседние, новые сверху',
        querystring: ZAcademicYearsQuery,
        response: { 200: ZAcademicYears, ...errorResponses },
      },
    },
    async (req) => listAcademicYears(req.actor, req.query),
  );
};

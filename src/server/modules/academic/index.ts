// academic: academic years (1 September – 31 August) for switchers and reports.
export { academicRoutes } from './academic.routes.js';
export { listAcademicYears } from './academic.service.js';

export { academicRoutes } from './academic.routes.js';

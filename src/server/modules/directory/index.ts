// directory: regions, municipalities, organisations, people.
export { directoryRoutes } from './directory.routes.js';
export * from './directory.tables.js';

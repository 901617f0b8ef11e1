// notifications: in-app notices with e-mail copies.
export { notificationRoutes } from './notifications.routes.js';
export * from './notifications.tables.js';

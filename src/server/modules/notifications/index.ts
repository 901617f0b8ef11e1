// notifications: in-app notices with e-mail copies.
export { notificationRoutes } from './notifications.routes.js';
export { listNotifications, type NotifyInput, notify, unreadCount } from './notifications.service.js';
export * from './notifications.tables.js';

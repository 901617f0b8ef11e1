// /notifications — the user's notifications.
import type { RouteMeta } from '../app/route-meta';
import { NotificationsPage } from '../features/events/NotificationsPage';

export const route: RouteMeta = {
  path: '/notifications',
  nav: { section: 'main', labelKey: 'events:nav.notifications', order: 90, icon: 'MailOutlined' },
};

export default NotificationsPage;

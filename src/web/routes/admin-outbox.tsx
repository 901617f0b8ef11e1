// `/admin/outbox` — outgoing e-mail (admin only).
import type { RouteMeta } from '../app/route-meta';
import { OutboxPage } from '../features/admin/OutboxPage';

export const route: RouteMeta = {
  path: '/admin/outbox',
  roles: ['admin'],
  nav: { section: 'admin', labelKey: 'nav.adminOutbox', order: 30, icon: 'MailOutlined' },
};

export default OutboxPage;

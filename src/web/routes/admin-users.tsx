// `/admin/users` — users, roles and invitations (admin; methodologists read and invite within their scope).
import type { RouteMeta } from '../app/route-meta';
import { UsersPage } from '../features/admin/UsersPage';

export const route: RouteMeta = {
  path: '/admin/users',
  roles: ['admin', 'methodologist'],
  nav: { section: 'admin', labelKey: 'nav.adminUsers', order: 10, icon: 'TeamOutlined' },
};

export default UsersPage;

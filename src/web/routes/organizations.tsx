// /organizations — the organisations list.
import type { RouteMeta } from '../app/route-meta';
import { OrganizationsPage } from '../features/directory/OrganizationsPage';

export const route: RouteMeta = {
  path: '/organizations',
  nav: { section: 'directory', labelKey: 'directory:nav.organizations', order: 20, icon: 'BankOutlined' },
};

export default OrganizationsPage;

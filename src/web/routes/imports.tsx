// /imports — import people and organisations from XLSX or CSV.
import type { RouteMeta } from '../app/route-meta';
import { IMPORTERS } from '../features/directory/directory.access';
import { ImportsPage } from '../features/imports/ImportsPage';

export const route: RouteMeta = {
  path: '/imports',
  roles: IMPORTERS,
  nav: { section: 'directory', labelKey: 'imports:nav', order: 50, icon: 'ImportOutlined' },
};

export default ImportsPage;

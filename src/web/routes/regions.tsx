// /regions — regions.
import type { RouteMeta } from '../app/route-meta';
import { RegionsPage } from '../features/directory/RegionsPage';

export const route: RouteMeta = {
  path: '/regions',
  nav: { section: 'directory', labelKey: 'directory:nav.regions', order: 40, icon: 'GlobalOutlined' },
};

export default RegionsPage;

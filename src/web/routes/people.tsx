// /people — the teachers list.
import type { RouteMeta } from '../app/route-meta';
import { PeoplePage } from '../features/directory/PeoplePage';

export const route: RouteMeta = {
  path: '/people',
  nav: { section: 'directory', labelKey: 'directory:nav.people', order: 10, icon: 'TeamOutlined' },
};

export default PeoplePage;

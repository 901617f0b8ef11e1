// `/` — the dashboard after sign-in.
import type { RouteMeta } from '../app/route-meta';
import { HomePage } from '../features/identity/HomePage';

export const route: RouteMeta = {
  path: '/',
  nav: { section: 'main', labelKey: 'nav.home', order: 0, icon: 'HomeOutlined' },
};

export default HomePage;

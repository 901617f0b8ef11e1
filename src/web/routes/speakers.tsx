// /speakers — invited speakers and partners (S3-6).
import type { RouteMeta } from '../app/route-meta';
import { SpeakersPage } from '../features/speakers/SpeakersPage';

export const route: RouteMeta = {
  path: '/speakers',
  roles: ['admin', 'methodologist'],
  nav: { section: 'main', labelKey: 'speakers:nav', order: 25, icon: 'TeamOutlined' },
};

export default SpeakersPage;

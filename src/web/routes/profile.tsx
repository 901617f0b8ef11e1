// `/profile` — my name, e-mail, roles and directory card.
import type { RouteMeta } from '../app/route-meta';
import { ProfilePage } from '../features/identity/ProfilePage';

export const route: RouteMeta = {
  path: '/profile',
  nav: { section: 'account', labelKey: 'nav.profile', order: 0, icon: 'IdcardOutlined' },
};

export default ProfilePage;

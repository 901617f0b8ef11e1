// /organizations/:id — an organisation's card.
import type { RouteMeta } from '../app/route-meta';
import { OrganizationPage } from '../features/directory/OrganizationPage';

export const route: RouteMeta = { path: '/organizations/:id' };

export default OrganizationPage;

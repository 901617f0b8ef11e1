// /people/:id — a person's card.
import type { RouteMeta } from '../app/route-meta';
import { PersonPage } from '../features/directory/PersonPage';

export const route: RouteMeta = { path: '/people/:id' };

export default PersonPage;

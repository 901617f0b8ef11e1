// /e/:id — the public event page, open without signing in.
import type { RouteMeta } from '../app/route-meta';
import { PublicEventPage } from '../features/events/PublicEventPage';

export const route: RouteMeta = { path: '/e/:id', auth: false };

export default PublicEventPage;

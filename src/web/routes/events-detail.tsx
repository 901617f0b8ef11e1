// /events/:id — the event page with its tabs.
import type { RouteMeta } from '../app/route-meta';
import { EventPage } from '../features/events/EventPage';

export const route: RouteMeta = { path: '/events/:id' };

export default EventPage;

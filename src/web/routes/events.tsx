// /events — the events list.
import type { RouteMeta } from '../app/route-meta';
import { EventsPage } from '../features/events/EventsPage';

export const route: RouteMeta = {
  path: '/events',
  nav: { section: 'main', labelKey: 'events:nav.events', order: 20, icon: 'CalendarOutlined' },
};

export default EventsPage;

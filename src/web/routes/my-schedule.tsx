// /my-schedule — my activities, registration and the calendar subscription.
import type { RouteMeta } from '../app/route-meta';
import { MySchedulePage } from '../features/schedule/MySchedulePage';

export const route: RouteMeta = {
  path: '/my-schedule',
  nav: { section: 'main', labelKey: 'schedule:nav.mySchedule', order: 20, icon: 'CalendarOutlined' },
};

export default MySchedulePage;

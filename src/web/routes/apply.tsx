// /events/:id/apply — a new application to the event's call.
import type { RouteMeta } from '../app/route-meta';
import { ApplyPage } from '../features/events/ApplyPage';

export const route: RouteMeta = { path: '/events/:id/apply' };

export default ApplyPage;

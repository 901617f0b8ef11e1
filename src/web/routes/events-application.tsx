// /applications/:id — one application with its review and comment thread.
import type { RouteMeta } from '../app/route-meta';
import { ApplicationPage } from '../features/events/ApplicationPage';

export const route: RouteMeta = { path: '/applications/:id' };

export default ApplicationPage;

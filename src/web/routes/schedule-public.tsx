// /e/:id/schedule — the published programme of an event, open without signing in.
import type { RouteMeta } from '../app/route-meta';
import { PublicSchedulePage } from '../features/schedule/PublicSchedulePage';

export const route: RouteMeta = { path: '/e/:id/schedule', auth: false };

export default PublicSchedulePage;

// /e/:id/register — guest registration for an external participant, open without signing in.
import type { RouteMeta } from '../app/route-meta';
import { GuestRegistrationPage } from '../features/events/GuestRegistrationPage';

export const route: RouteMeta = { path: '/e/:id/register', auth: false };

export default GuestRegistrationPage;

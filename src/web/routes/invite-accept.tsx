// `/invite/accept?token=` — accept an invitation by choosing a password.
import type { RouteMeta } from '../app/route-meta';
import { InvitationPage } from '../features/identity/InvitationPage';

export const route: RouteMeta = { path: '/invite/accept', auth: false };

export default InvitationPage;

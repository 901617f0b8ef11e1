// `/reset-password?token=` — set a new password from the e-mailed link.
import type { RouteMeta } from '../app/route-meta';
import { ResetPasswordPage } from '../features/identity/ResetPasswordPage';

export const route: RouteMeta = { path: '/reset-password', auth: false };

export default ResetPasswordPage;

// `/forgot-password` — request a password-reset e-mail.
import type { RouteMeta } from '../app/route-meta';
import { ForgotPasswordPage } from '../features/identity/ForgotPasswordPage';

export const route: RouteMeta = { path: '/forgot-password', auth: false };

export default ForgotPasswordPage;

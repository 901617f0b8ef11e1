// `/sign-in?next=` — e-mail and password.
import type { RouteMeta } from '../app/route-meta';
import { SignInPage } from '../features/identity/SignInPage';

export const route: RouteMeta = { path: '/sign-in', auth: false };

export default SignInPage;

// `/verify/:code` — public certificate verification (the QR code on every certificate points here).
import type { RouteMeta } from '../app/route-meta';
import { VerifyPage } from '../features/certificates/VerifyPage';

export const route: RouteMeta = { path: '/verify/:code', auth: false };

export default VerifyPage;

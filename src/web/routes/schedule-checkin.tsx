// /checkin/:id?k=… — check-in by the QR code shown at the door.
import type { RouteMeta } from '../app/route-meta';
import { CheckinPage } from '../features/schedule/CheckinPage';

export const route: RouteMeta = { path: '/checkin/:id' };

export default CheckinPage;

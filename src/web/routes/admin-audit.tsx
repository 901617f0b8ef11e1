// `/admin/audit` — the audit log (admin only).
import type { RouteMeta } from '../app/route-meta';
import { AuditPage } from '../features/admin/AuditPage';

export const route: RouteMeta = {
  path: '/admin/audit',
  roles: ['admin'],
  nav: { section: 'admin', labelKey: 'nav.adminAudit', order: 20, icon: 'AuditOutlined' },
};

export default AuditPage;

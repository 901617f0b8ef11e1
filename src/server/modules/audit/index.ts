// audit: browsing the audit log written by platform/audit.ts.
export { auditRoutes } from './audit.routes.js';
export { listAuditEntries } from './audit.service.js';

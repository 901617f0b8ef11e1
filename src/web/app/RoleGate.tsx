// Shows a page only to the roles its RouteMeta allows; others see a friendly 403.
import type { ReactNode } from 'react';
import { StatusPage } from '../components/StatusPage';
import type { Role } from './route-meta';
import { useMe } from './useMe';

export function RoleGate({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { hasRole } = useMe();
  if (roles && roles.length > 0 && !hasRole(...roles)) return <StatusPage status={403} />;
  return <>{children}</>;
}

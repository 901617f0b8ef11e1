// Lets signed-in users through; sends anonymous ones to /sign-in?next=<where they were going>.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoading } from '../components/PageLoading';
import { useMe } from './useMe';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, isLoading, error, refetch } = useMe();
  const location = useLocation();
  if (isLoading) return <PageLoading />;
  if (error && !me) {
    return (
      <div style={{ maxWidth: 640, margin: '64px auto', padding: 16 }}>
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      </div>
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    const search = next && next !== '/' ? `?next=${encodeURIComponent(next)}` : '';
    return <Navigate to={`/sign-in${search}`} replace />;
  }
  return <>{children}</>;
}

// One dashboard card: an <h2> title, a skeleton while loading, the error with «Повторить», an empty state that says
// what to do, or the content.
import { Card, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';

export type DashboardCardProps = {
  title: string;
  /** a link on the right of the title, e.g. «Всё расписание» */
  extra?: ReactNode;
  loading: boolean;
  error: unknown;
  onRetry?: () => void;
  empty: boolean;
  emptyText: ReactNode;
  emptyAction?: ReactNode;
  children?: ReactNode;
};

export function DashboardCard(p: DashboardCardProps) {
  const id = `home-card-${p.title.replace(/\s+/g, '-')}`;
  let body: ReactNode;
  if (p.error) body = <ErrorAlert error={p.error} onRetry={p.onRetry} style={{ marginBottom: 0 }} />;
  else if (p.loading) body = <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  else if (p.empty) body = <EmptyState text={p.emptyText} action={p.emptyAction} />;
  else body = p.children;
  return (
    <section aria-labelledby={id} style={{ height: '100%' }}>
      <Card
        style={{ height: '100%' }}
        title={
          <h2 id={id} style={{ margin: 0, fontSize: 16, whiteSpace: 'normal' }}>
            {p.title}
          </h2>
        }
        extra={p.extra}
      >
        {body}
      </Card>
    </section>
  );
}

/** A plain list of dashboard rows with thin separators. */
export function Rows({ children }: { children: ReactNode }) {
  return <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>{children}</ul>;
}

export function RowItem({ children, highlight }: { children: ReactNode; highlight?: boolean }) {
  return (
    <li
      style={{
        padding: '10px 8px',
        borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
        background: highlight ? 'rgba(250, 140, 22, 0.08)' : undefined,
        borderInlineStart: highlight ? '3px solid #fa8c16' : '3px solid transparent',
      }}
    >
      {children}
    </li>
  );
}

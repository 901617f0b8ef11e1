// TanStack Query hooks of the home dashboard: open calls, my applications, applications awaiting review and the
// organisation head's summary (GET /api/me/applications, /api/applications/awaiting-review, …/organization-summary).
import { useQueries, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { centreClock } from '../../app/settings';
import type { Application, ApplicationStatus, EventDetail, EventList } from '../events/events.api';

/** Today on the centre's wall clock, 'YYYY-MM-DD'. */
export const todayIso = () => centreClock().localDay(new Date());

/** Events with status call_open whose application window is open today (at most `limit`). */
export function useOpenCalls(limit = 5) {
  const list = useQuery({
    queryKey: ['events', { status: 'call_open', pageSize: 20, home: true }],
    queryFn: () => api.get<EventList>('/events', { status: 'call_open', pageSize: 20 }),
  });
  const ids = (list.data?.items ?? []).map((e) => e.id);
  const details = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['event', id],
      queryFn: () => api.get<EventDetail>(`/events/${id}`),
    })),
  });
  const loading = list.isLoading || details.some((d) => d.isLoading);
  const error = list.error ?? details.find((d) => d.error)?.error ?? null;
  const items = details
    .flatMap((d) => (d.data?.applicationsOpen ? [d.data] : []))
    .sort((a, b) => (a.applicationsOpenUntil ?? '9999').localeCompare(b.applicationsOpenUntil ?? '9999'))
    .slice(0, limit);
  const refetch = () => {
    void list.refetch();
    for (const d of details) void d.refetch();
  };
  return { items, loading, error, refetch };
}

/** Events the user manages that have not ended yet, soonest first. */
export function useManagedEvents(limit = 5) {
  const q = useQuery({
    queryKey: ['events', { order: 'desc', pageSize: 100, home: true }],
    queryFn: () => api.get<EventList>('/events', { order: 'desc', pageSize: 100 }),
  });
  const today = todayIso();
  const items = (q.data?.items ?? [])
    .filter((e) => e.canManage && e.endDate >= today && e.status !== 'cancelled')
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
    .slice(0, limit);
  return { items, loading: q.isLoading, error: q.error, refetch: q.refetch };
}

export const useMyApplications = (pageSize = 5) =>
  useQuery({
    queryKey: ['applications', 'mine', pageSize],
    queryFn: () => api.get<Page<Application>>('/me/applications', { pageSize }),
  });

export type AwaitingPage = Page<Application> & {
  byEvent: { eventId: string; eventTitle: string; startDate: string; count: number }[];
};
export const useAwaitingReview = () =>
  useQuery({
    queryKey: ['applications', 'awaiting-review'],
    queryFn: () => api.get<AwaitingPage>('/applications/awaiting-review', { pageSize: 1 }),
  });

export type OrganizationSummary = {
  items: {
    organization: { id: string; name: string };
    event: { id: string; title: string; startDate: string };
    counts: Partial<Record<ApplicationStatus, number>>;
    total: number;
  }[];
};
export const useOrganizationSummary = () =>
  useQuery({
    queryKey: ['applications', 'organization-summary'],
    queryFn: () => api.get<OrganizationSummary>('/applications/organization-summary'),
  });

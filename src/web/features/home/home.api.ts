// TanStack Query hooks of the home dashboard: open calls, my applications, applications awaiting review and the
// organisation head's summary (GET /api/me/applications, /api/applications/awaiting-review, …/organization-summary).
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { centreClock } from '../../app/settings';
import type { Application, ApplicationStatus, EventList } from '../events/events.api';

/** Today on the centre's wall clock, 'YYYY-MM-DD'. */
export const todayIso = () => centreClock().localDay(new Date());

/** Events whose call for applications is open today, closing soonest first (at most `limit`). */
export function useOpenCalls(limit = 5) {
  const q = useQuery({
    queryKey: ['events', { openForApplications: true, pageSize: 50, home: true }],
    queryFn: () => api.get<EventList>('/events', { openForApplications: true, pageSize: 50 }),
  });
  const items = (q.data?.items ?? [])
    .slice()
    .sort((a, b) => (a.applicationsOpenUntil ?? '9999').localeCompare(b.applicationsOpenUntil ?? '9999'))
    .slice(0, limit);
  return { items, loading: q.isLoading, error: q.error, refetch: q.refetch };
}

/** Events the user manages that have not ended yet, soonest first. */
export function useManagedEvents(limit = 5) {
  const q = useQuery({
    queryKey: ['events', { managed: true, current: true, pageSize: limit, home: true }],
    queryFn: () => api.get<EventList>('/events', { managed: true, current: true, pageSize: limit }),
  });
  return {
    items: q.data?.items ?? [],
    total: q.data?.total ?? 0,
    loading: q.isLoading,
    error: q.error,
    refetch: q.refetch,
  };
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

// React-query hooks for /api/notifications used by the header bell. Every key starts with
// 'notifications', so whatever marks a notice read (the bell or the notifications page) refreshes both.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';

export type Notice = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  read: boolean;
  createdAt: string;
};

/** How often the bell asks for the unread count (no websockets). */
export const UNREAD_POLL_MS = 60_000;
/** How many of the newest notices the bell lists. */
export const LATEST_COUNT = 8;

export const useUnreadCount = () =>
  useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => api.get<{ count: number }>('/notifications/unread-count'),
    refetchInterval: UNREAD_POLL_MS,
  });

/** The newest notices; loaded when the bell opens. */
export const useLatestNotifications = (enabled: boolean) =>
  useQuery({
    queryKey: ['notifications', 'latest'],
    queryFn: () =>
      api.get<Page<Notice> & { unreadCount: number }>('/notifications', { page: 1, pageSize: LATEST_COUNT }),
    enabled,
  });

function useRefreshing<TArgs>(fn: (args: TArgs) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export const useMarkRead = () => useRefreshing((id: string) => api.post(`/notifications/${id}/read`));
export const useMarkAllRead = () => useRefreshing((_: undefined) => api.post('/notifications/read-all'));

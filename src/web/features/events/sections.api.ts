// Types and react-query hooks for /api/events/:id/sections and /api/sections/:id (S2-4).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export type Section = {
  id: string;
  eventId: string;
  title: string;
  subject: string | null;
  applications: number;
  activities: number;
};
export type SectionInput = { title: string; subject?: string | null };

export const useSections = (eventId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: ['sections', eventId],
    queryFn: () => api.get<{ items: Section[]; canManage: boolean }>(`/events/${eventId}/sections`),
    enabled: !!eventId && enabled,
  });

export function useSaveSection(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SectionInput & { id?: string }) =>
      id
        ? api.patch<Section>(`/sections/${id}`, body)
        : api.post<Section>(`/events/${eventId}/sections`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['sections', eventId] }),
  });
}

export function useDeleteSection(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/sections/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['sections', eventId] }),
  });
}

// Types and react-query hooks for /api/speakers (S3-6).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../api/client';

export const SPEAKER_KINDS = ['leading_teacher', 'veteran', 'contest_winner', 'social_partner'] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

export type Speaker = {
  id: string;
  person: { id: string; fullName: string; position: string | null; organizationName: string | null };
  kind: SpeakerKind;
  note: string | null;
  event: { id: string; title: string; startDate: string } | null;
  createdAt: string;
  canEdit: boolean;
};
export type SpeakerInput = {
  personId: string;
  kind: SpeakerKind;
  note?: string | null;
  eventId?: string | null;
};

export const useSpeakers = (q: Query) =>
  useQuery({ queryKey: ['speakers', q], queryFn: () => api.get<Page<Speaker>>('/speakers', q) });

export function useSaveSpeaker() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, personId, ...rest }: SpeakerInput & { id?: string }) =>
      id
        ? api.patch<Speaker>(`/speakers/${id}`, rest)
        : api.post<Speaker>('/speakers', { personId, ...rest }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['speakers'] }),
  });
}

export function useDeleteSpeaker() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/speakers/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['speakers'] }),
  });
}

/** Events for the filter and the form, searched by title. */
export function searchEvents(q: string) {
  return api
    .get<Page<{ id: string; title: string; startDate: string }>>('/events', { q, pageSize: 20 })
    .then((p) =>
      p.items.map((e) => ({
        value: e.id,
        label: `${e.title} (${e.startDate.split('-').reverse().join('.')})`,
      })),
    );
}
export function eventLabel(id: string) {
  return api.get<{ title: string }>(`/events/${id}`).then((e) => e.title);
}

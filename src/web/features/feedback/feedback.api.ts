// Types and hooks of feedback (S0-7) and the final report (S0-8).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';

export type Criterion = { key: string; label: string; min: number; max: number };
export type FeedbackForm = {
  id: string;
  scope: 'activity' | 'event';
  title: string;
  criteria: Criterion[];
  askComment: boolean;
  isDefault: boolean;
  responses: number;
};
export type FormInput = Pick<FeedbackForm, 'title' | 'criteria' | 'askComment'>;
export type EventForms = { activity: FeedbackForm; event: FeedbackForm };
export type ResultsBy = 'activity' | 'presenter' | 'form' | 'event';
export type CriterionResult = Criterion & { mean: number | null; distribution: number[] };
export type ResultGroup = {
  key: string;
  label: string;
  responses: number;
  attendees: number;
  responseRate: number | null;
  criteria: CriterionResult[];
  comments: string[];
};
export type MissingPerson = {
  personId: string;
  fullName: string;
  organizationName: string | null;
  email: string | null;
};
export type GiveContext = {
  event: { id: string; title: string; startDate: string; endDate: string };
  activity: { id: string; title: string; topic: string | null } | null;
  form: FeedbackForm;
  canGive: boolean;
  alreadyGiven: boolean;
  myActivities: { id: string; title: string; given: boolean }[];
};
type Counted = { label: string; count: number };
export type Report = {
  event: { id: string; title: string; startDate: string; endDate: string; venue: string | null };
  participants: {
    total: number;
    byOrganization: Counted[];
    byMunicipality: Counted[];
    byRegion: Counted[];
    byRole: Counted[];
  };
  activitiesByForm: Counted[];
  attendance: {
    registered: number;
    attended: number;
    rate: number | null;
    byActivity: { id: string; title: string; registered: number; attended: number }[];
  };
  applications: { total: number; accepted: number; rejected: number; other: number };
  feedback: { event: ResultGroup | null; byForm: ResultGroup[]; byActivity: ResultGroup[] };
  conclusion: string;
};

const key = (eventId: string) => ['feedback', eventId];

export function useEventForms(eventId: string) {
  return useQuery({
    queryKey: [...key(eventId), 'forms'],
    queryFn: () => api.get<EventForms>(`/events/${eventId}/feedback/forms`),
  });
}

export function useSaveForms(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { activity?: FormInput; event?: FormInput }) =>
      api.put<EventForms>(`/events/${eventId}/feedback/forms`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(eventId) }),
  });
}

export function useResults(eventId: string, by: ResultsBy) {
  return useQuery({
    queryKey: [...key(eventId), 'results', by],
    queryFn: () =>
      api.get<{ by: ResultsBy; groups: ResultGroup[] }>(`/events/${eventId}/feedback/results`, { by }),
  });
}

export function useMissing(eventId: string, activityId: string | undefined, page: number) {
  return useQuery({
    queryKey: [...key(eventId), 'missing', activityId, page],
    queryFn: () =>
      api.get<Page<MissingPerson>>(`/events/${eventId}/feedback/missing`, { activityId, page, pageSize: 20 }),
  });
}

export const resultsXlsxUrl = (eventId: string, by: ResultsBy) =>
  api.url(`/events/${eventId}/feedback/results.xlsx`, { by });

export function useGiveContext(eventId: string, activityId?: string) {
  return useQuery({
    queryKey: [...key(eventId), 'give', activityId ?? 'event'],
    queryFn: () => api.get<GiveContext>(`/events/${eventId}/feedback/give`, { activityId }),
  });
}

export function useGiveFeedback(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { activityId?: string; scores: Record<string, number>; comment?: string }) =>
      api.post(`/events/${eventId}/feedback`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(eventId) }),
  });
}

export function useReport(eventId: string) {
  return useQuery({
    queryKey: ['report', eventId],
    queryFn: () => api.get<Report>(`/events/${eventId}/report`),
  });
}

export function useSaveConclusion(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.put<{ text: string }>(`/events/${eventId}/report/conclusion`, { text }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['report', eventId] }),
  });
}

export function useSaveReportToFolder(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`/events/${eventId}/report/save`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['materials', eventId] }),
  });
}

export const reportDocxUrl = (eventId: string) => api.url(`/events/${eventId}/report.docx`);

export function percent(v: number | null): string {
  return v === null ? '—' : `${Math.round(v * 1000) / 10} %`;
}

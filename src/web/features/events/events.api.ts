// Types and react-query hooks for /api/events, /api/applications, /api/activity-forms and /api/notifications.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationStatus, EventKind, EventStatus } from '../../../shared/events';
import { api, type Page, type Query } from '../../api/client';

export {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  EVENT_KINDS,
  EVENT_STATUSES,
  type EventKind,
  type EventStatus,
} from '../../../shared/events';

export type EventListItem = {
  id: string;
  kind: EventKind;
  title: string;
  theme: string | null;
  hostOrganizationId: string;
  hostOrganizationName: string;
  startDate: string;
  endDate: string;
  venue: string | null;
  status: EventStatus;
  academicYear: string;
  canManage: boolean;
  applicationsOpenFrom: string | null;
  applicationsOpenUntil: string | null;
  applicationsOpen: boolean;
};
export type Approval = {
  body: 'education_committee' | 'methodological_centre';
  decision: 'approved' | 'rejected';
  comment: string | null;
  approvedByName: string;
  at: string;
};
export type EventDetail = EventListItem & {
  description: string | null;
  durationDays: number;
  audienceOrganizations: { id: string; name: string }[];
  audienceMunicipalities: { id: string; name: string }[];
  conditions: string | null;
  procedure: string | null;
  capPerOrganization: number | null;
  capsPerForm: Record<string, number>;
  approvals: Approval[];
  createdAt: string;
  updatedAt: string;
};
export type EventList = Page<EventListItem> & {
  nextPedagogicalSessionDue: { academicYear: string; lastSessionStart: string; message: string } | null;
};
export type EventInput = {
  kind: EventKind;
  title: string;
  theme?: string | null;
  description?: string | null;
  hostOrganizationId: string;
  startDate: string;
  endDate: string;
  venue?: string | null;
  audienceOrganizationIds: string[];
  audienceMunicipalityIds: string[];
  capPerOrganization?: number | null;
};
export type PublicEvent = {
  id: string;
  kind: EventKind;
  title: string;
  theme: string | null;
  description: string | null;
  status: EventStatus;
  startDate: string;
  endDate: string;
  venue: string | null;
  hostOrganizationName: string;
  hostOrganizationAddress: string | null;
  conditions: string | null;
  procedure: string | null;
  applicationsOpenFrom: string | null;
  applicationsOpenUntil: string | null;
  applicationsOpen: boolean;
  schedulePublished: boolean;
  sections: { title: string; subject: string | null }[];
};
export type FormField = {
  key: string;
  label: string;
  type: 'text' | 'number' | 'select';
  options?: string[];
  required?: boolean;
};
export type ActivityForm = {
  id: string;
  code: string;
  title: string;
  certificatePhrase: string | null;
  fields: FormField[];
  active: boolean;
  sortOrder: number;
};
export type Application = {
  id: string;
  eventId: string;
  eventTitle: string;
  applicant: { id: string; name: string };
  organization: { id: string; name: string } | null;
  form: { id: string; code: string; title: string };
  sectionId: string | null;
  sectionTitle: string | null;
  /** S2-4: the ИОП whose results are presented (set through the API for now) and its product */
  developmentPlanId: string | null;
  product: string | null;
  topic: string;
  annotation: string | null;
  durationMinutes: number | null;
  expectedAudience: string | null;
  audienceSize: number | null;
  equipment: string | null;
  roomNeeds: string | null;
  extra: Record<string, unknown>;
  coPresenters: { id: string; name: string }[];
  status: ApplicationStatus;
  submittedAt: string | null;
  reviewedAt: string | null;
  createdAt: string;
  updatedAt: string;
  canEdit: boolean;
  canReview: boolean;
  canComment: boolean;
};
export type ApplicationInput = {
  formId: string;
  sectionId?: string | null;
  product?: string | null;
  topic: string;
  annotation?: string | null;
  durationMinutes?: number | null;
  expectedAudience?: string | null;
  audienceSize?: number | null;
  equipment?: string | null;
  roomNeeds?: string | null;
  extra: Record<string, string | number>;
  coPresenterIds: string[];
};
export type Comment = {
  id: string;
  authorName: string;
  body: string;
  decision: 'accept' | 'reject' | 'request_changes' | null;
  at: string;
  mine: boolean;
};
export type Notice = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  read: boolean;
  createdAt: string;
};

export const useEvents = (q: Query) =>
  useQuery({ queryKey: ['events', q], queryFn: () => api.get<EventList>('/events', q) });
export const useEvent = (id: string | undefined) =>
  useQuery({ queryKey: ['event', id], queryFn: () => api.get<EventDetail>(`/events/${id}`), enabled: !!id });
export const usePublicEvent = (id: string | undefined) =>
  useQuery({
    queryKey: ['public-event', id],
    queryFn: () => api.get<PublicEvent>(`/public/events/${id}`),
    enabled: !!id,
    retry: false,
  });
export const useActivityForms = () =>
  useQuery({
    queryKey: ['activity-forms'],
    queryFn: () => api.get<Page<ActivityForm>>('/activity-forms', { pageSize: 200 }),
    staleTime: 300_000,
  });
export const useApplications = (eventId: string, q: Query) =>
  useQuery({
    queryKey: ['applications', eventId, q],
    queryFn: () => api.get<Page<Application>>(`/events/${eventId}/applications`, q),
  });
export const useApplication = (id: string | undefined) =>
  useQuery({
    queryKey: ['application', id],
    queryFn: () => api.get<Application>(`/applications/${id}`),
    enabled: !!id,
  });
export const useComments = (id: string) =>
  useQuery({
    queryKey: ['application-comments', id],
    queryFn: () => api.get<Page<Comment>>(`/applications/${id}/comments`, { pageSize: 200 }),
  });
export const useNotifications = (q: Query) =>
  useQuery({
    queryKey: ['notifications', q],
    queryFn: () => api.get<Page<Notice> & { unreadCount: number }>('/notifications', q),
  });

/** A mutation that refreshes the named query families when it succeeds. */
export function useAction<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>, invalidate: string[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(invalidate.map((k) => qc.invalidateQueries({ queryKey: [k] })));
    },
  });
}

/** Inclusive length in days of a date range given as 'YYYY-MM-DD'. */
export function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

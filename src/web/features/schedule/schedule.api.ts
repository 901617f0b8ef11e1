// Types and TanStack Query hooks for the schedule API: rooms, programme, registrations, attendance, staff, consultations.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { centreClock } from '../../app/settings';

export type Room = {
  id: string;
  eventId: string;
  name: string;
  capacity: number | null;
  equipment: string | null;
};
export type Presenter = { personId: string; fullName: string; shortName: string };
export type MyStatus = 'registered' | 'waitlisted' | 'presenter' | null;
export type Activity = {
  id: string;
  eventId: string;
  applicationId: string | null;
  title: string;
  formTitle: string | null;
  /** S2-4: the conference section, when the item belongs to one */
  sectionId: string | null;
  sectionTitle: string | null;
  roomId: string | null;
  roomName: string | null;
  startsAt: string;
  endsAt: string;
  day: string;
  capacity: number | null;
  presenters: Presenter[];
  registered: number;
  waitlisted: number;
  myStatus: MyStatus;
};
export type MyActivity = Activity & { eventTitle: string };
export type Schedule = {
  event: {
    id: string;
    title: string;
    startDate: string;
    endDate: string;
    venue: string | null;
    schedulePublished: boolean;
  };
  canManage: boolean;
  rooms: Room[];
  days: { date: string; activities: Activity[] }[];
};
export type Unplaced = {
  /** S2-4: the conference section chosen in the application */
  sectionTitle: string | null;
  applicationId: string;
  topic: string;
  formTitle: string;
  durationMinutes: number | null;
  presenters: Presenter[];
};
export type Registration = {
  id: string;
  activityId: string;
  personId: string;
  fullName: string;
  organizationName: string | null;
  status: 'registered' | 'waitlisted' | 'cancelled';
  createdAt: string;
  present: boolean;
};
export type StaffDuty = 'technical' | 'artistic' | 'musical' | 'operational';
export const STAFF_DUTIES: StaffDuty[] = ['technical', 'artistic', 'musical', 'operational'];
export type Staff = {
  id: string;
  eventId: string;
  personId: string;
  fullName: string;
  organizationName: string | null;
  duty: StaffDuty;
  activityId: string | null;
  activityTitle: string | null;
  notes: string | null;
};
export type ConsultationStatus = 'requested' | 'assigned' | 'done' | 'cancelled';
export const CONSULTATION_STATUSES: ConsultationStatus[] = ['requested', 'assigned', 'done', 'cancelled'];
export type Consultation = {
  id: string;
  eventId: string;
  requesterPersonId: string | null;
  requesterName: string | null;
  organizationId: string | null;
  organizationName: string | null;
  subject: string;
  question: string | null;
  consultantPersonId: string | null;
  consultantName: string | null;
  scheduledAt: string | null;
  status: ConsultationStatus;
  createdAt: string;
};

/** Times are shown on the methodological centre's wall clock (its zone comes from /api/settings at start-up). */
export const hhmm = (iso: string) => centreClock().hhmm(new Date(iso));
export const timeRange = (a: { startsAt: string; endsAt: string }) => `${hhmm(a.startsAt)}–${hhmm(a.endsAt)}`;
/** A local day and 'HH:mm' on the centre's wall clock → an ISO instant. */
export const instantOf = (day: string, time: string) => centreClock().instant(day, time).toISOString();

const K = {
  schedule: (eventId: string) => ['schedule', eventId] as const,
  rooms: (eventId: string) => ['schedule', eventId, 'rooms'] as const,
  unplaced: (eventId: string) => ['schedule', eventId, 'unplaced'] as const,
};

export function useSchedule(eventId: string) {
  return useQuery({
    queryKey: K.schedule(eventId),
    queryFn: () => api.get<Schedule>(`/events/${eventId}/schedule`),
    retry: false,
  });
}
export function useRooms(eventId: string, enabled = true) {
  return useQuery({
    queryKey: K.rooms(eventId),
    queryFn: () => api.get<{ items: Room[] }>(`/events/${eventId}/rooms`).then((r) => r.items),
    enabled,
  });
}
export function useUnplaced(eventId: string, enabled = true) {
  return useQuery({
    queryKey: K.unplaced(eventId),
    queryFn: () =>
      api.get<{ items: Unplaced[] }>(`/events/${eventId}/activities/unplaced`).then((r) => r.items),
    enabled,
  });
}

function useInvalidateSchedule(eventId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['schedule', eventId] });
}

export function useSaveRoom(eventId: string) {
  const done = useInvalidateSchedule(eventId);
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id?: string;
      name: string;
      capacity: number | null;
      equipment: string | null;
    }) => (id ? api.patch<Room>(`/rooms/${id}`, body) : api.post<Room>(`/events/${eventId}/rooms`, body)),
    onSuccess: done,
  });
}
export function useDeleteRoom(eventId: string) {
  const done = useInvalidateSchedule(eventId);
  return useMutation({ mutationFn: (id: string) => api.delete(`/rooms/${id}`), onSuccess: done });
}

export type ActivityInput = {
  applicationId?: string;
  title?: string;
  roomId?: string | null;
  startsAt: string;
  endsAt: string;
  capacity?: number | null;
};
export function useSaveActivity(eventId: string) {
  const done = useInvalidateSchedule(eventId);
  return useMutation({
    mutationFn: ({ id, ...body }: ActivityInput & { id?: string }) =>
      id
        ? api.patch<Activity>(`/activities/${id}`, {
            roomId: body.roomId,
            startsAt: body.startsAt,
            endsAt: body.endsAt,
            capacity: body.capacity,
            ...(body.title ? { title: body.title } : {}),
          })
        : api.post<Activity>(`/events/${eventId}/activities`, body),
    onSuccess: done,
  });
}
export function useDeleteActivity(eventId: string) {
  const done = useInvalidateSchedule(eventId);
  return useMutation({ mutationFn: (id: string) => api.delete(`/activities/${id}`), onSuccess: done });
}
export function usePublish(eventId: string) {
  const done = useInvalidateSchedule(eventId);
  return useMutation({
    mutationFn: (published: boolean) =>
      api.post<Schedule>(`/events/${eventId}/schedule/publish`, { published }),
    onSuccess: done,
  });
}

/** S0-13: the programme or all attendance lists as a PDF into the materials folder. */
export function useSaveToFolder(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (document: 'programme' | 'attendance_lists') =>
      api.post(`/events/${eventId}/schedule/save-to-folder`, { document }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['materials', eventId] }),
  });
}

// ---- registrations ----

export function useRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, cancel }: { activityId: string; cancel?: boolean }) =>
      cancel
        ? api.delete<{ status: string }>(`/activities/${activityId}/registrations`)
        : api.post<{ status: 'registered' | 'waitlisted' }>(`/activities/${activityId}/registrations`),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['schedule'] });
      qc.invalidateQueries({ queryKey: ['my-schedule'] });
    },
  });
}
export function useRegistrations(activityId: string | null) {
  return useQuery({
    queryKey: ['registrations', activityId],
    queryFn: () => api.get<Page<Registration>>(`/activities/${activityId}/registrations`, { pageSize: 200 }),
    enabled: !!activityId,
  });
}
export function useSetAttendance(activityId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { personIds: string[]; present: boolean }) =>
      api.put(`/activities/${activityId}/attendance`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['registrations', activityId] }),
  });
}
export function useMySchedule(past: boolean) {
  return useQuery({
    queryKey: ['my-schedule', 'mine', past],
    queryFn: () => api.get<Page<MyActivity>>('/me/schedule', { past, pageSize: 200 }),
  });
}
export function useOpenActivities(page: number) {
  return useQuery({
    queryKey: ['my-schedule', 'open', page],
    queryFn: () => api.get<Page<MyActivity>>('/activities/open', { page, pageSize: 50 }),
  });
}
export function useCalendarLink() {
  return useQuery({
    queryKey: ['calendar-link'],
    queryFn: () => api.get<{ url: string | null }>('/me/calendar-token'),
  });
}
export function useNewCalendarLink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ url: string }>('/me/calendar-token'),
    onSuccess: (d) => qc.setQueryData(['calendar-link'], d),
  });
}
export function useCheckin(activityId: string) {
  return useMutation({
    mutationFn: (k: string) =>
      api.post<{ ok: true; alreadyMarked: boolean; title: string }>(`/activities/${activityId}/checkin`, {
        k,
      }),
  });
}

// ---- staff and consultations ----

export function useStaff(eventId: string) {
  return useQuery({
    queryKey: ['schedule', eventId, 'staff'],
    queryFn: () => api.get<Page<Staff>>(`/events/${eventId}/staff`, { pageSize: 200 }),
  });
}
export function useSaveStaff(eventId: string) {
  const done = useInvalidateSchedule(eventId);
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id?: string;
      personId: string;
      duty: StaffDuty;
      activityId: string | null;
      notes: string | null;
    }) => (id ? api.patch<Staff>(`/staff/${id}`, body) : api.post<Staff>(`/events/${eventId}/staff`, body)),
    onSuccess: done,
  });
}
export function useDeleteStaff(eventId: string) {
  const done = useInvalidateSchedule(eventId);
  return useMutation({ mutationFn: (id: string) => api.delete(`/staff/${id}`), onSuccess: done });
}
export function useConsultations(eventId: string) {
  return useQuery({
    queryKey: ['schedule', eventId, 'consultations'],
    queryFn: () => api.get<Page<Consultation>>(`/events/${eventId}/consultations`, { pageSize: 200 }),
  });
}
export function useRequestConsultation(eventId: string) {
  const done = useInvalidateSchedule(eventId);
  return useMutation({
    mutationFn: (body: { subject: string; question: string | null }) =>
      api.post<Consultation>(`/events/${eventId}/consultations`, body),
    onSuccess: done,
  });
}
export function useUpdateConsultation(eventId: string) {
  const done = useInvalidateSchedule(eventId);
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      consultantPersonId?: string | null;
      scheduledAt?: string | null;
      status?: ConsultationStatus;
    }) => api.patch<Consultation>(`/consultations/${id}`, body),
    onSuccess: done,
  });
}

export function searchPeople(q: string) {
  return api
    .get<Page<{ id: string; fullName: string; organizationName: string | null }>>('/people', {
      q,
      pageSize: 20,
    })
    .then((p) =>
      p.items.map((x) => ({
        value: x.id,
        label: x.organizationName ? `${x.fullName} (${x.organizationName})` : x.fullName,
      })),
    );
}
export function personLabel(id: string) {
  return api.get<{ fullName: string }>(`/people/${id}`).then((p) => p.fullName);
}

// Types and hooks of the certificate registry: list, issue, revoke, reissue, correct the name, e-mail with
// progress, and the public verification.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../api/client';

export type CertificateRole = 'presenter' | 'listener' | 'staff' | 'organizer';
export type Certificate = {
  id: string;
  number: string;
  code: string;
  eventId: string;
  personId: string;
  activityId: string | null;
  role: CertificateRole;
  holderName: string;
  holderNameDative: string;
  organizationName: string | null;
  formTitle: string | null;
  topic: string | null;
  roleText: string;
  eventTitle: string;
  eventDates: string;
  issuedAt: string;
  status: 'valid' | 'revoked';
  revokedAt: string | null;
  revokedReason: string | null;
  replacesId: string | null;
};
export type PublicCertificate = Pick<
  Certificate,
  | 'number'
  | 'holderName'
  | 'eventTitle'
  | 'eventDates'
  | 'role'
  | 'formTitle'
  | 'topic'
  | 'issuedAt'
  | 'status'
  | 'revokedAt'
>;
export type SendStatus = {
  status: 'idle' | 'queued' | 'running' | 'done' | 'failed';
  total: number;
  sent: number;
  skipped: number;
  failed: number;
  startedAt: string | null;
  finishedAt: string | null;
  message: string | null;
};
export type IssueBody = { to: 'attended' | { personIds: string[] }; role?: CertificateRole };

const key = (eventId: string) => ['certificates', eventId];

export function useCertificates(eventId: string, query: Query) {
  return useQuery({
    queryKey: [...key(eventId), 'list', query],
    queryFn: () => api.get<Page<Certificate>>(`/events/${eventId}/certificates`, query),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate(eventId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: key(eventId) });
}

export function useIssueCertificates(eventId: string) {
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: (body: IssueBody) =>
      api.post<{ issued: number; skipped: number }>(`/events/${eventId}/certificates`, body),
    onSuccess: invalidate,
  });
}

export function useRevokeCertificate(eventId: string) {
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<Certificate>(`/certificates/${id}/revoke`, { reason }),
    onSuccess: invalidate,
  });
}

export function useReissueCertificate(eventId: string) {
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: (id: string) => api.post<Certificate>(`/certificates/${id}/reissue`),
    onSuccess: invalidate,
  });
}

export function useRenameCertificate(eventId: string) {
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: ({ id, holderNameDative }: { id: string; holderNameDative: string }) =>
      api.patch<Certificate>(`/certificates/${id}`, { holderNameDative }),
    onSuccess: invalidate,
  });
}

const sending = (s?: SendStatus) => s?.status === 'queued' || s?.status === 'running';

export function useSendStatus(eventId: string) {
  return useQuery({
    queryKey: [...key(eventId), 'send-status'],
    queryFn: () => api.get<SendStatus>(`/events/${eventId}/certificates/send-status`),
    refetchInterval: (q) => (sending(q.state.data) ? 1000 : false),
  });
}

export function useSendCertificates(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SendStatus>(`/events/${eventId}/certificates/send`),
    onSuccess: (s) => qc.setQueryData([...key(eventId), 'send-status'], s),
  });
}

export function usePublicCertificate(code: string | undefined) {
  return useQuery({
    queryKey: ['public-certificate', code],
    queryFn: () => api.get<PublicCertificate>(`/public/certificates/${code}`),
    enabled: !!code,
    retry: false,
  });
}

export const certificatePdfUrl = (id: string) => api.url(`/certificates/${id}/pdf`);
export const eventPdfUrl = (eventId: string) => api.url(`/events/${eventId}/certificates.pdf`);
export const eventZipUrl = (eventId: string) => api.url(`/events/${eventId}/certificates.zip`);

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

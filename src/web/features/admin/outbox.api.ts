// Types and calls of the outbox API (messages Rost sends).
import { api, type Page, type Query } from '../../api/client';

export type MailStatus = 'queued' | 'sent' | 'failed';
export type OutboxItem = {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: MailStatus;
  attempts: number;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  /** file names of the attachments, rendered when the message is delivered */
  attachments: string[];
};
export type OutboxMessage = OutboxItem & { text: string; html: string | null };

export const outboxApi = {
  list: (query: Query) => api.get<Page<OutboxItem>>('/outbox', query),
  get: (id: string) => api.get<OutboxMessage>(`/outbox/${id}`),
  emlUrl: (id: string) => api.url(`/outbox/${id}/eml`),
};

export const MAIL_STATUS_COLORS: Record<MailStatus, string> = {
  queued: 'gold',
  sent: 'green',
  failed: 'red',
};

// Event and application states shared by the server (tables, schemas) and the web (filters, tags), so that the
// interface never offers a value the API refuses.

export const EVENT_KINDS = [
  'pedagogical_session',
  'research_conference',
  'seminar',
  'municipal_event',
  'meetup',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** draft → (approvals) → approved → call_open → call_closed → completed; cancelled at any point. */
export const EVENT_STATUSES = [
  'draft',
  'approved',
  'call_open',
  'call_closed',
  'completed',
  'cancelled',
] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'changes_requested',
  'accepted',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

// The contract between the event page and the features that add tabs to it.
// Any file src/web/features/*/EventTab*.tsx default-exports a component taking { event } and exports
// `tab: EventTabMeta`; the event page (features/events) collects them with import.meta.glob and shows
// the tabs in `order`, only to the roles listed (absent = everyone who can open the event) and only for the
// event kinds listed (absent = every kind).
import type { Role } from './route-meta';

export type EventTabMeta = { key: string; labelKey: string; order: number; roles?: Role[]; kinds?: string[] };

/** The event as the event page passes it to tabs (GET /api/events/:id). */
export type EventForTab = {
  id: string;
  kind: string;
  title: string;
  status: string;
  startDate: string;
  endDate: string;
  hostOrganizationId: string;
  canManage: boolean;
};

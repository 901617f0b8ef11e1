// The person's portfolio of event evidence (S0-14).
import { useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';

export type PortfolioItem = {
  kind: 'event';
  eventId: string;
  activityId: string | null;
  date: string;
  title: string;
  activityTitle: string | null;
  role: 'presenter' | 'listener' | 'staff';
  form: string | null;
  topic: string | null;
  confirmed: boolean;
  certificateNumber: string | null;
  certificateId: string | null;
  /** public verification code: /verify/{code} */
  certificateCode: string | null;
  link: string;
};
export type Portfolio = {
  person: { id: string; fullName: string };
  items: PortfolioItem[];
  total: number;
  page: number;
  pageSize: number;
};

export function usePortfolio(personId: string, query: Query) {
  return useQuery({
    queryKey: ['portfolio', personId, query],
    queryFn: () => api.get<Portfolio>(`/people/${personId}/portfolio`, query),
  });
}

export const certificatePdfUrl = (id: string) => api.url(`/certificates/${id}/pdf`);

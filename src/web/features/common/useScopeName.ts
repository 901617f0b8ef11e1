// The name of a grant's scope (region, municipality, organisation) for display, fetched by id and cached.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

const PATHS: Record<string, string> = {
  region: '/regions',
  municipality: '/municipalities',
  organization: '/organizations',
};

type Named = { name?: string; shortName?: string };

/** Resolves `{scopeType:'municipality', scopeId}` to «Заречный муниципальный округ»; undefined while loading or unknown. */
export function useScopeName(scopeType: string, scopeId: string | null | undefined): string | undefined {
  const path = PATHS[scopeType];
  const q = useQuery({
    queryKey: ['scope-name', scopeType, scopeId],
    queryFn: () => api.get<Named>(`${path}/${scopeId}`),
    enabled: Boolean(path && scopeId),
    staleTime: 10 * 60_000,
  });
  return q.data?.shortName ?? q.data?.name;
}

// Keeps a list page's filters, page and sort in the URL query string, so a link or reload shows the same list.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type UrlFilters = Record<string, string | undefined>;

export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => Object.fromEntries(params.entries()) as UrlFilters, [params]);

  /** Sets some values; any change other than page/pageSize starts again from page 1. */
  const set = useCallback(
    (patch: UrlFilters) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, x] of Object.entries(patch)) {
            if (x === undefined || x === '') next.delete(k);
            else next.set(k, x);
          }
          if (Object.keys(patch).some((k) => k !== 'page' && k !== 'pageSize')) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [values, set] as const;
}

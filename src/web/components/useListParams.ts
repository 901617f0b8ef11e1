// List state in the URL (page, pageSize, sort, order and filters), so lists survive reloads, links and «Back».
// Pairs with antd Table: `<Table {...list.table(data?.total)} />` and `sortOrder: list.sortOrder('name')`.
import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Query } from '../api/client';
import { countOf } from './format';

export type ListDefaults = { pageSize?: number; sort?: string; order?: 'asc' | 'desc' };

const RESERVED = new Set(['page', 'pageSize', 'sort', 'order']);

/**
 * URL-backed list parameters.
 * - `query`: everything to pass to `api.get(path, list.query)` (page, pageSize, sort, order and filters).
 * - `get(name)` / `getAll(name)`: a filter's value(s); `set(name, value)` / `setMany({...})` change filters
 *   and go back to page 1 (empty values remove the filter); `reset()` clears all filters.
 * - `table(total)`: `pagination` and `onChange` props for antd `<Table>` (server pagination and sorting;
 *   the column's `key` is sent as `sort`).
 * - `sortOrder(key)`: the column's current `sortOrder` ('ascend' | 'descend' | null).
 */
export function useListParams(defaults: ListDefaults = {}) {
  const [sp, setSp] = useSearchParams();
  const defaultPageSize = defaults.pageSize ?? 20;
  const page = Math.max(1, Number(sp.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(sp.get('pageSize')) || defaultPageSize));
  const sort = sp.get('sort') ?? defaults.sort;
  const order = (sp.get('order') as 'asc' | 'desc' | null) ?? defaults.order;

  const filters = useMemo(() => {
    const f: Record<string, string | string[]> = {};
    for (const key of new Set(sp.keys())) {
      if (RESERVED.has(key)) continue;
      const all = sp.getAll(key);
      f[key] = all.length > 1 ? all : all[0];
    }
    return f;
  }, [sp]);

  const query: Query = { ...filters, page, pageSize, sort, order };

  const update = useCallback(
    (fn: (next: URLSearchParams) => void) => {
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          fn(next);
          return next;
        },
        { replace: true },
      );
    },
    [setSp],
  );

  const setMany = useCallback(
    (values: Record<string, string | number | boolean | string[] | null | undefined>) =>
      update((next) => {
        for (const [k, v] of Object.entries(values)) {
          next.delete(k);
          if (Array.isArray(v)) for (const x of v) next.append(k, x);
          else if (v !== undefined && v !== null && v !== '') next.set(k, String(v));
        }
        next.delete('page');
      }),
    [update],
  );

  return {
    page,
    pageSize,
    sort,
    order,
    filters,
    query,
    get: (name: string): string | undefined => sp.get(name) ?? undefined,
    getAll: (name: string): string[] => sp.getAll(name),
    set: (name: string, value: string | number | boolean | string[] | null | undefined) =>
      setMany({ [name]: value }),
    setMany,
    reset: () =>
      update((next) => {
        for (const key of [...next.keys()]) if (key !== 'pageSize') next.delete(key);
      }),
    hasFilters: Object.keys(filters).length > 0,
    sortOrder: (key: string): 'ascend' | 'descend' | null =>
      sort === key ? (order === 'desc' ? 'descend' : 'ascend') : null,
    table: (total: number | undefined) => ({
      pagination: {
        current: page,
        pageSize,
        total: total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (n: number) => countOf(n, ['запись', 'записи', 'записей']),
      } satisfies TablePaginationConfig,
      onChange: (
        p: TablePaginationConfig,
        _filters: unknown,
        sorter: SorterResult<any> | SorterResult<any>[],
      ) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        update((next) => {
          const nextSize = p.pageSize ?? pageSize;
          if (nextSize !== defaultPageSize) next.set('pageSize', String(nextSize));
          else next.delete('pageSize');
          const key = s?.order ? String(s.columnKey ?? s.field ?? '') : '';
          const nextOrder = s?.order === 'descend' ? 'desc' : 'asc';
          if (key) {
            next.set('sort', key);
            next.set('order', nextOrder);
          } else {
            next.delete('sort');
            next.delete('order');
          }
          const sortChanged =
            (key || undefined) !== (sp.get('sort') ?? undefined) ||
            (key ? nextOrder : null) !== (sp.get('order') ?? (key ? 'asc' : null));
          const nextPage = sortChanged || nextSize !== pageSize ? 1 : (p.current ?? 1);
          if (nextPage > 1) next.set('page', String(nextPage));
          else next.delete('page');
        });
      },
    }),
  };
}

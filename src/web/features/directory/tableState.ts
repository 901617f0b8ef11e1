// Connects an antd Table's pagination and sorting to the URL query string.
import type { TablePaginationConfig } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import type { UrlFilters } from './useUrlFilters';

export const PAGE_SIZES = [20, 50, 100, 200];
export const DEFAULT_PAGE_SIZE = 20;

/** Column sort keys whose visible order is the reverse of the server's (e.g. «Стаж» sorts by start date). */
export type SortColumns = Record<string, { invert?: boolean }>;

export function pageQuery(values: UrlFilters) {
  return {
    page: Number(values.page) || 1,
    pageSize: Number(values.pageSize) || DEFAULT_PAGE_SIZE,
    sort: values.sort,
    order: values.sort ? (values.order === 'desc' ? 'desc' : 'asc') : undefined,
  };
}

export function sortOrderOf(values: UrlFilters, key: string, invert = false): SortOrder {
  if (values.sort !== key) return null;
  const desc = (values.order === 'desc') !== invert;
  return desc ? 'descend' : 'ascend';
}

export function tableChangeHandler(
  values: UrlFilters,
  set: (patch: UrlFilters) => void,
  columns: SortColumns,
) {
  return (
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<any> | SorterResult<any>[],
  ) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? String(s.columnKey ?? s.field ?? '') : undefined;
    let order: string | undefined;
    if (key && s?.order) {
      const desc = (s.order === 'descend') !== !!columns[key]?.invert;
      order = desc ? 'desc' : 'asc';
    }
    if (key !== values.sort || (key && order !== (values.order ?? 'asc'))) {
      set({ sort: key, order });
      return;
    }
    set({
      page: String(pagination.current ?? 1),
      pageSize: String(pagination.pageSize ?? DEFAULT_PAGE_SIZE),
    });
  };
}

// A Select whose options come from a server search (debounced), and which shows the label of a preset value.
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';

export type RemoteOption = { value: string; label: string };

export type RemoteSelectProps = Omit<
  SelectProps<string>,
  'options' | 'onSearch' | 'showSearch' | 'filterOption'
> & {
  /** cache key of this kind of options, e.g. 'organizations' */
  queryKey: string;
  /** finds options for the typed text ('' = first page) */
  search: (q: string) => Promise<RemoteOption[]>;
  /** the label of one value, for a preset value that the search has not returned */
  fetchLabel?: (value: string) => Promise<string>;
  /** extra cache key parts, e.g. a parent filter */
  deps?: unknown[];
};

/**
 * Searchable server-backed Select.
 * @example <RemoteSelect queryKey="regions" search={(q) => api.get<Page<Region>>('/regions', { q }).then(...)} />
 */
export function RemoteSelect({ queryKey, search, fetchLabel, deps = [], value, ...rest }: RemoteSelectProps) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const id = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(id);
  }, [text]);

  const found = useQuery({
    queryKey: ['remote-select', queryKey, q, ...deps],
    queryFn: () => search(q),
    staleTime: 30_000,
    enabled: rest.disabled !== true,
  });
  const options = found.data ?? [];
  const missing = typeof value === 'string' && value !== '' && !options.some((o) => o.value === value);
  const preset = useQuery({
    queryKey: ['remote-select-label', queryKey, value],
    queryFn: () => fetchLabel!(value as string),
    enabled: missing && Boolean(fetchLabel),
    staleTime: 5 * 60_000,
  });
  const all = missing && preset.data ? [{ value: value as string, label: preset.data }, ...options] : options;

  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      options={all}
      loading={found.isFetching}
      allowClear
      onOpenChange={(open) => {
        if (!open) setText('');
      }}
      {...rest}
    />
  );
}

// Multi-select of organisations, municipalities or people searched on the server, keeping the labels of chosen values.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Page } from '../../api/client';

type Option = { value: string; label: string };
type Props = {
  kind: 'organizations' | 'municipalities' | 'people';
  value?: string[];
  onChange?: (v: string[]) => void;
  /** labels of values chosen before (from the record being edited) */
  known?: { id: string; name: string }[];
  'aria-label'?: string;
};

export function MultiPlaceSelect({ kind, value, onChange, known = [], ...rest }: Props) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [seen, setSeen] = useState<Map<string, string>>(() => new Map(known.map((k) => [k.id, k.name])));
  useEffect(() => {
    const id = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(id);
  }, [text]);
  const found = useQuery({
    queryKey: ['multi-place', kind, q],
    queryFn: async (): Promise<Option[]> => {
      const page = await api.get<
        Page<{
          id: string;
          shortName?: string;
          name?: string;
          fullName?: string;
          municipalityName?: string | null;
        }>
      >(`/${kind}`, {
        q,
        pageSize: 50,
      });
      // organisations by their short name and town (short names repeat across municipalities), others by name
      return page.items.map((x) => ({
        value: x.id,
        label: x.shortName
          ? `${x.shortName}${x.municipalityName ? ` (${x.municipalityName})` : ''}`
          : (x.fullName ?? x.name ?? x.id),
      }));
    },
    staleTime: 30_000,
  });
  const options = found.data ?? [];
  useEffect(() => {
    if (!found.data?.length) return;
    setSeen((prev) => {
      const next = new Map(prev);
      for (const o of found.data) next.set(o.value, o.label);
      return next;
    });
  }, [found.data]);
  const chosen = (value ?? [])
    .filter((v) => !options.some((o) => o.value === v))
    .map((v) => ({ value: v, label: seen.get(v) ?? v }));
  return (
    <Select<string[]>
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={[...chosen, ...options]}
      loading={found.isFetching}
      allowClear
      {...rest}
    />
  );
}

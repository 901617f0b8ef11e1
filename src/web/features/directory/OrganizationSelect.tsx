// Picks an organisation by typing part of its name; the server does the search.
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganization, useOrganizations } from './directory.api';
import { useDebounced } from './useDebounced';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  municipalityId?: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
};

export function OrganizationSelect({ value, onChange, municipalityId, placeholder, ...rest }: Props) {
  const { t } = useTranslation('directory');
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const list = useOrganizations({ q, municipalityId, pageSize: 30, sort: 'shortName', order: 'asc' });
  const selected = useOrganization(value ?? undefined);
  const options = (list.data?.items ?? []).map((o) => ({ value: o.id, label: o.shortName }));
  if (value && selected.data && !options.some((o) => o.value === value))
    options.unshift({ value, label: selected.data.shortName });
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      loading={list.isFetching}
      placeholder={placeholder ?? t('organization.choose')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      notFoundContent={list.isFetching ? t('common.loading') : t('organization.notFound')}
    />
  );
}

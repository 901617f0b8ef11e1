// Picks a region.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegions } from './directory.api';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
};

export function RegionSelect({ value, onChange, placeholder, ...rest }: Props) {
  const { t } = useTranslation('directory');
  const list = useRegions({ pageSize: 200 });
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      loading={list.isLoading}
      placeholder={placeholder ?? t('region.choose')}
      showSearch={{ optionFilterProp: 'label' }}
      options={(list.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
    />
  );
}

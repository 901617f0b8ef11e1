// Picks a municipality (the list is short, so it is loaded at once and filtered in the browser).
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMunicipalities } from './directory.api';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  regionId?: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
};

export function MunicipalitySelect({ value, onChange, regionId, placeholder, ...rest }: Props) {
  const { t } = useTranslation('directory');
  const list = useMunicipalities({ regionId, pageSize: 200 });
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      loading={list.isLoading}
      placeholder={placeholder ?? t('municipality.choose')}
      showSearch={{ optionFilterProp: 'label' }}
      options={(list.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
    />
  );
}

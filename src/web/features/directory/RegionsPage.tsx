// «Регионы»: a short list; admins add, rename and delete.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Region, useRegions } from './directory.api';
import { PlaceListPage } from './PlaceListPage';
import { RegionForm, type RegionInput } from './RegionForm';

export function RegionsPage() {
  const { t } = useTranslation('directory');
  return (
    <PlaceListPage<Region, RegionInput>
      collection="regions"
      useItems={useRegions}
      columns={(list) => [
        {
          key: 'name',
          title: t('region.name'),
          sorter: true,
          sortOrder: list.sortOrder('name'),
          render: (_, r) => <Link to={`/municipalities?regionId=${r.id}`}>{r.name}</Link>,
        },
        {
          key: 'code',
          dataIndex: 'code',
          title: t('region.code'),
          width: 160,
          sorter: true,
          sortOrder: list.sortOrder('code'),
        },
      ]}
      form={({ item, onCancel, onSubmit }) => (
        <RegionForm region={item} onCancel={onCancel} onSubmit={onSubmit} />
      )}
    />
  );
}

// «Муниципалитеты»: list by region; admins add, rename and delete.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RegionSelect } from '../common/PlaceSelects';
import { type Municipality, useMunicipalities } from './directory.api';
import { MunicipalityForm, type MunicipalityInput } from './MunicipalityForm';
import { PlaceListPage } from './PlaceListPage';

export function MunicipalitiesPage() {
  const { t } = useTranslation('directory');
  return (
    <PlaceListPage<Municipality, MunicipalityInput>
      collection="municipalities"
      useItems={useMunicipalities}
      filters={(list) => (
        <RegionSelect
          value={list.get('regionId')}
          onChange={(v) => list.set('regionId', v)}
          aria-label={t('municipality.region')}
          placeholder={t('municipality.region')}
          style={{ width: 260 }}
        />
      )}
      columns={(list) => [
        {
          key: 'name',
          title: t('municipality.name'),
          sorter: true,
          sortOrder: list.sortOrder('name'),
          render: (_, m) => <Link to={`/organizations?municipalityId=${m.id}`}>{m.name}</Link>,
        },
        {
          key: 'region',
          dataIndex: 'regionName',
          title: t('municipality.region'),
          sorter: true,
          sortOrder: list.sortOrder('region'),
        },
      ]}
      form={({ item, list, onCancel, onSubmit }) => (
        <MunicipalityForm
          municipality={item}
          regionId={list.get('regionId')}
          onCancel={onCancel}
          onSubmit={onSubmit}
        />
      )}
    />
  );
}

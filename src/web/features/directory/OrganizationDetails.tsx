// An organisation's card: kind, names, address, contacts, municipality.
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { labelOf, type Organization, useCatalogs } from './directory.api';

export function OrganizationDetails({ organization: o }: { organization: Organization }) {
  const { t } = useTranslation('directory');
  const catalogs = useCatalogs();
  const none = t('common:common.notSet');
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'fullName', label: t('organization.fullName'), children: o.fullName, span: 'filled' },
        {
          key: 'kind',
          label: t('organization.kind'),
          children: labelOf(catalogs.data?.organizationKinds, o.kind),
        },
        {
          key: 'municipality',
          label: t('organization.municipality'),
          children: `${o.municipalityName}${o.regionName ? `, ${o.regionName}` : ''}`,
        },
        { key: 'address', label: t('organization.address'), children: o.address ?? none },
        { key: 'inn', label: t('organization.inn'), children: o.inn ?? none },
        { key: 'email', label: t('organization.email'), children: o.email ?? none },
        { key: 'phone', label: t('organization.phone'), children: o.phone ?? none },
      ]}
    />
  );
}

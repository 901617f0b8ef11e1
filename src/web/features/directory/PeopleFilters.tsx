// The filter bar of the people list; every value lives in the URL.
import { Button, Checkbox, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCatalogs } from './directory.api';
import { MunicipalitySelect } from './MunicipalitySelect';
import { OrganizationSelect } from './OrganizationSelect';
import { SearchBox } from './SearchBox';
import type { UrlFilters } from './useUrlFilters';

export const PEOPLE_FILTERS = [
  'q',
  'organizationId',
  'municipalityId',
  'position',
  'subject',
  'category',
  'status',
  'youngSpecialist',
] as const;

type Props = { values: UrlFilters; set: (patch: UrlFilters) => void };

export function hasPeopleFilters(values: UrlFilters): boolean {
  return PEOPLE_FILTERS.some((k) => !!values[k]);
}

export function PeopleFilters({ values, set }: Props) {
  const { t } = useTranslation('directory');
  const catalogs = useCatalogs();
  const width = { width: 220 };
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} role="search">
      <SearchBox
        value={values.q}
        onSearch={(q) => set({ q })}
        label={t('people.searchLabel')}
        placeholder={t('people.searchPlaceholder')}
        style={{ width: 280 }}
      />
      <OrganizationSelect
        value={values.organizationId}
        onChange={(organizationId) => set({ organizationId })}
        municipalityId={values.municipalityId}
        allowClear
        aria-label={t('person.organization')}
        placeholder={t('person.organization')}
        style={{ width: 260 }}
      />
      <MunicipalitySelect
        value={values.municipalityId}
        onChange={(municipalityId) => set({ municipalityId })}
        allowClear
        aria-label={t('person.municipality')}
        placeholder={t('person.municipality')}
        style={width}
      />
      <Select
        value={values.position}
        onChange={(position?: string) => set({ position })}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('person.position')}
        placeholder={t('person.position')}
        style={width}
        options={(catalogs.data?.positions ?? []).map((p) => ({ value: p, label: p }))}
      />
      <Select
        value={values.subject}
        onChange={(subject?: string) => set({ subject })}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('people.subject')}
        placeholder={t('people.subject')}
        style={width}
        options={(catalogs.data?.subjects ?? []).map((s) => ({ value: s, label: s }))}
      />
      <Select
        value={values.category}
        onChange={(category?: string) => set({ category })}
        allowClear
        aria-label={t('person.category')}
        placeholder={t('person.category')}
        style={width}
        options={(catalogs.data?.qualificationCategories ?? []).map((c) => ({
          value: c.code,
          label: c.label,
        }))}
      />
      <Select
        value={values.status}
        onChange={(status?: string) => set({ status })}
        allowClear
        aria-label={t('person.status')}
        placeholder={t('person.status')}
        style={{ width: 160 }}
        options={[
          { value: 'active', label: t('status.active') },
          { value: 'left', label: t('status.left') },
        ]}
      />
      <Checkbox
        checked={values.youngSpecialist === 'true'}
        onChange={(e) => set({ youngSpecialist: e.target.checked ? 'true' : undefined })}
      >
        {t('people.onlyYoung')}
      </Checkbox>
      {hasPeopleFilters(values) ? (
        <Button
          type="link"
          onClick={() => set(Object.fromEntries(PEOPLE_FILTERS.map((k) => [k, undefined])))}
        >
          {t('common:actions.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}

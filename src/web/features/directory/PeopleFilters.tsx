// The filter bar of the people list; every value lives in the URL.
import { Button, Checkbox, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { useListParams } from '../../components/useListParams';
import { MunicipalitySelect, OrganizationSelect } from '../common/PlaceSelects';
import { useCatalogs } from './directory.api';
import { SearchBox } from './SearchBox';

type Props = { list: ReturnType<typeof useListParams> };

export function PeopleFilters({ list }: Props) {
  const { t } = useTranslation('directory');
  const catalogs = useCatalogs();
  const width = { width: 220 };
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} role="search">
      <SearchBox
        value={list.get('q')}
        onSearch={(q) => list.set('q', q)}
        label={t('people.searchLabel')}
        placeholder={t('people.searchPlaceholder')}
        style={{ width: 280 }}
      />
      <OrganizationSelect
        value={list.get('organizationId')}
        onChange={(v) => list.set('organizationId', v)}
        municipalityId={list.get('municipalityId')}
        aria-label={t('person.organization')}
        placeholder={t('person.organization')}
        style={{ width: 260 }}
      />
      <MunicipalitySelect
        value={list.get('municipalityId')}
        onChange={(v) => list.set('municipalityId', v)}
        aria-label={t('person.municipality')}
        placeholder={t('person.municipality')}
        style={width}
      />
      <Select
        value={list.get('position')}
        onChange={(v?: string) => list.set('position', v)}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('person.position')}
        placeholder={t('person.position')}
        style={width}
        options={(catalogs.data?.positions ?? []).map((p) => ({ value: p, label: p }))}
      />
      <Select
        value={list.get('subject')}
        onChange={(v?: string) => list.set('subject', v)}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('people.subject')}
        placeholder={t('people.subject')}
        style={width}
        options={(catalogs.data?.subjects ?? []).map((s) => ({ value: s, label: s }))}
      />
      <Select
        value={list.get('category')}
        onChange={(v?: string) => list.set('category', v)}
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
        value={list.get('status')}
        onChange={(v?: string) => list.set('status', v)}
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
        checked={list.get('youngSpecialist') === 'true'}
        onChange={(e) => list.set('youngSpecialist', e.target.checked ? 'true' : undefined)}
      >
        {t('people.onlyYoung')}
      </Checkbox>
      {list.hasFilters ? (
        <Button type="link" onClick={list.reset}>
          {t('common:actions.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}

// Header Select of the academic year; the choice is shared through useAcademicYear().
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAcademicYear } from './useAcademicYear';

/** `compact` shows only the year code, for narrow screens. */
export function AcademicYearSwitcher({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { year, years, setYear, isLoading } = useAcademicYear();
  const options = (years.length ? years : [{ code: year, current: true }]).map((y) => ({
    value: y.code,
    label: y.current && !compact ? `${y.code} (${t('header.currentYear')})` : y.code,
  }));
  return (
    <Select
      aria-label={t('header.academicYear')}
      title={t('header.academicYear')}
      value={year}
      loading={isLoading}
      onChange={setYear}
      options={options}
      style={{ width: compact ? 118 : 200, flexShrink: 0 }}
      popupMatchSelectWidth={false}
    />
  );
}

// Header Select of the academic year; the choice is shared through useAcademicYear().
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAcademicYear } from './useAcademicYear';

export function AcademicYearSwitcher() {
  const { t } = useTranslation();
  const { year, years, setYear, isLoading } = useAcademicYear();
  const options = (years.length ? years : [{ code: year, current: true }]).map((y) => ({
    value: y.code,
    label: y.current ? `${y.code} (${t('header.currentYear')})` : y.code,
  }));
  return (
    <Select
      aria-label={t('header.academicYear')}
      title={t('header.academicYear')}
      value={year}
      loading={isLoading}
      onChange={setYear}
      options={options}
      style={{ width: 190 }}
      popupMatchSelectWidth={false}
    />
  );
}

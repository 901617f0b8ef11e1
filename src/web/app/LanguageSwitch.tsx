// RU/EN switch; the choice is remembered in localStorage.
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from './i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      aria-label={t('header.language')}
      size="small"
      value={i18n.language === 'en' ? 'en' : 'ru'}
      onChange={setLanguage}
      options={[
        { value: 'ru', label: 'RU', title: 'Русский' },
        { value: 'en', label: 'EN', title: 'English' },
      ]}
    />
  );
}

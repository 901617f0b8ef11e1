// i18next set-up: Russian by default, English available; the choice is kept in localStorage.
// Namespaces: `common` (app/locales.ts) plus one per feature folder that has a `locales.ts`.
import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import common from './locales';

export type Language = 'ru' | 'en';
export const LANGUAGES: Language[] = ['ru', 'en'];
const STORAGE_KEY = 'rost.lang';

type Resources = { ru: Record<string, unknown>; en: Record<string, unknown> };

const featureModules = import.meta.glob<{ default: Resources }>('../features/*/locales.ts', { eager: true });

const resources: Record<Language, Record<string, Record<string, unknown>>> = {
  ru: { common: common.ru },
  en: { common: common.en },
};
for (const [file, mod] of Object.entries(featureModules)) {
  const ns = file.split('/').at(-2)!;
  if (ns === 'common') continue; // `common` is the shell namespace
  resources.ru[ns] = mod.default.ru;
  resources.en[ns] = mod.default.en;
}

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'ru';
  } catch {
    return 'ru';
  }
}

function applyLanguage(lng: string) {
  dayjs.locale(lng === 'en' ? 'en' : 'ru');
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

const initial = storedLanguage();
applyLanguage(initial);

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'ru',
  supportedLngs: LANGUAGES,
  ns: Object.keys(resources.ru),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

i18n.on('languageChanged', applyLanguage);

/** Switches the interface language and remembers the choice. */
export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  void i18n.changeLanguage(lng);
}

export default i18n;

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import sharedZh from '@shared/i18n/zh-CN.json';
import sharedEn from '@shared/i18n/en.json';
import uiZh from './zh-CN.json';
import uiEn from './en.json';
import { sharedAreaLocales } from '@shared/i18n/areas';
import { chosenLocale } from '@shared/i18n/choice';
import { areaLocales } from '../features/locales';
import { deepMerge } from './merge';

dayjs.extend(localizedFormat);
dayjs.extend(relativeTime);
dayjs.extend(utc);
dayjs.extend(timezone);

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'linli.language';

/** The stored choice, else Chinese: the same rule as the desktop shell's (chosenLocale). */
function storedLanguage(): Language {
  try {
    return chosenLocale(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return chosenLocale(null);
  }
}

/** dayjs and Mantine's date pickers use their own locale names. */
export function dayjsLocale(language: Language): string {
  return language === 'zh-CN' ? 'zh-cn' : 'en';
}

/** The base files, then each area's: shared strings (also used by main), then the screens' own. */
export const resources = {
  'zh-CN': { translation: deepMerge(sharedZh, ...sharedAreaLocales.map((a) => a['zh-CN']), uiZh, ...areaLocales.map((a) => a['zh-CN'])) },
  en: { translation: deepMerge(sharedEn, ...sharedAreaLocales.map((a) => a.en), uiEn, ...areaLocales.map((a) => a.en)) },
};

const initial = storedLanguage();
dayjs.locale(dayjsLocale(initial));

// Resources are bundled, so initialisation is synchronous: the first render is already translated.
void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

// In the desktop app, the shell's menu and dialogs follow the language chosen here (none in a browser).
i18n.on('languageChanged', (lng) => {
  dayjs.locale(dayjsLocale(lng as Language));
  document.documentElement.lang = lng;
  window.linli?.setLanguage(lng as Language);
});
document.documentElement.lang = initial;
window.linli?.setLanguage(initial);

export function currentLanguage(): Language {
  return (languages as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'zh-CN';
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // A browser without storage still switches for this visit.
  }
  await i18n.changeLanguage(language);
}

export default i18n;

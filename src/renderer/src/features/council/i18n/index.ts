import type { LocaleTree } from '../../../i18n/merge';
import sharedZh from '@shared/i18n/council/zh-CN.json';
import sharedEn from '@shared/i18n/council/en.json';
import uiZh from './zh-CN.json';
import uiEn from './en.json';

/** The council's strings: those core also uses (errors, audit actions) and the screens' own. */
export const councilLocales: Record<'zh-CN' | 'en', LocaleTree[]> = {
  'zh-CN': [sharedZh as LocaleTree, uiZh as LocaleTree],
  en: [sharedEn as LocaleTree, uiEn as LocaleTree],
};

import type { LocaleTree } from '@shared/i18n/merge';
import { charitySharedStrings } from '@shared/i18n/charity';
import zhCN from './zh-CN.json';
import en from './en.json';

/** The charity area's strings, shared (errors, audit actions) and the screens' own, for the i18n resources. */
export const charityStrings: Record<'zh-CN' | 'en', LocaleTree[]> = {
  'zh-CN': [charitySharedStrings['zh-CN'], zhCN],
  en: [charitySharedStrings.en, en],
};

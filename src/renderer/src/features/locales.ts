import residentsZh from './residents/i18n/zh-CN.json';
import residentsEn from './residents/i18n/en.json';
import councilZh from './council/i18n/zh-CN.json';
import councilEn from './council/i18n/en.json';
import charityZh from './charity/i18n/zh-CN.json';
import charityEn from './charity/i18n/en.json';
import hallZh from './hall/i18n/zh-CN.json';
import hallEn from './hall/i18n/en.json';
import type { LocaleTree } from '../i18n/merge';

/**
 * Each area's screen strings (features/<area>/i18n/{zh-CN,en}.json, top-level key = the area), merged
 * over the base files by i18n/index.ts. Like features/areas.ts, the one place the foundation learns
 * about areas' strings: an area adds one line.
 */
// `satisfies`, not a type: i18n/i18next.d.ts reads each file's keys from this list's type (typed keys).
export const areaLocales = [
  { 'zh-CN': residentsZh, en: residentsEn },
  { 'zh-CN': councilZh, en: councilEn },
  { 'zh-CN': charityZh, en: charityEn },
  { 'zh-CN': hallZh, en: hallEn },
] satisfies { 'zh-CN': LocaleTree; en: LocaleTree }[];

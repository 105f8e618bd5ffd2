import residentsZh from './residents/zh-CN.json';
import residentsEn from './residents/en.json';
import councilZh from './council/zh-CN.json';
import councilEn from './council/en.json';
import charityZh from './charity/zh-CN.json';
import charityEn from './charity/en.json';
import hallZh from './hall/zh-CN.json';
import hallEn from './hall/en.json';
import type { LocaleTree } from './merge';

/**
 * Each area's strings that core uses too (errors.<area>.*, auditActions.<area>.*, its reports' texts),
 * one pair of files per area in src/shared/i18n/<area>/, deep-merged over the base files wherever the
 * locales are loaded (main's translator, the renderer's i18next, the keys test). An area adds one line.
 */
// `satisfies`, not a type: the renderer's typed keys read each file's keys from this list's type.
export const sharedAreaLocales = [
  { 'zh-CN': residentsZh, en: residentsEn },
  { 'zh-CN': councilZh, en: councilEn },
  { 'zh-CN': charityZh, en: charityEn },
  { 'zh-CN': hallZh, en: hallEn },
] satisfies { 'zh-CN': LocaleTree; en: LocaleTree }[];

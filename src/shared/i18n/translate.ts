import zhCN from './zh-CN.json';
import en from './en.json';
import { sharedAreaLocales } from './areas';
import { deepMerge } from './merge';

/** The two locales, one source for the screens (through i18next) and for reports made in main: the base files and each area's. */
export const locales = {
  'zh-CN': deepMerge(zhCN, ...sharedAreaLocales.map((a) => a['zh-CN'])),
  en: deepMerge(en, ...sharedAreaLocales.map((a) => a.en)),
} as const;
export type Locale = keyof typeof locales;
export const defaultLocale: Locale = 'zh-CN';

/** A plain `t` for main-process output (reports, CLI): dotted keys and {{name}} parameters, as in i18next. */
export function translator(locale: Locale) {
  const root: Record<string, unknown> = locales[locale];
  return function t(key: string, params: Record<string, string | number> = {}): string {
    let node: unknown = root;
    for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}

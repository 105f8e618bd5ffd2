import zhCN from './zh-CN.json';
import en from './en.json';
import councilZh from './council/zh-CN.json';
import councilEn from './council/en.json';

/** The two locales, one source for the screens (through i18next) and for reports made in main. */
export const locales = { 'zh-CN': mergeTrees(zhCN, councilZh), en: mergeTrees(en, councilEn) } as const;
export type Locale = keyof typeof locales;
export const defaultLocale: Locale = 'zh-CN';

/** A plain `t` for main-process output (reports, CLI): dotted keys and {{name}} parameters, as in i18next. */
export function translator(locale: Locale) {
  const root = locales[locale] as unknown as Record<string, unknown>;
  return function t(key: string, params: Record<string, string | number> = {}): string {
    let node: unknown = root;
    for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}

type Tree = { [key: string]: string | Tree };

/** An area's own locale file adds to the base one, key by key (as the renderer's deepMerge does). */
function mergeTrees<T extends object>(base: T, ...areas: object[]): T {
  const out: Tree = { ...(base as Tree) };
  for (const area of areas) {
    for (const [key, value] of Object.entries(area as Tree)) {
      const existing = out[key];
      out[key] = typeof value === 'object' && typeof existing === 'object' ? mergeTrees(existing, value) : value;
    }
  }
  return out as T;
}

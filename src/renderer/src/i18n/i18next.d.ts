import type sharedZh from '@shared/i18n/zh-CN.json';
import type { sharedAreaLocales } from '@shared/i18n/areas';
import type uiZh from './zh-CN.json';
import type { areaLocales } from '../features/locales';

/** Each area's file type, joined: (A | B) → A & B. */
type Joined<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * Typed keys: a misspelt key given to t does not compile. The keys are the Chinese files' (the keys test keeps the
 * English ones the same), the base files and every area's in the two lists, so an area adds nothing here.
 * Keys built at run time go through translatedOr (i18n/labels.ts).
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof sharedZh & typeof uiZh & Joined<(typeof sharedAreaLocales)[number]['zh-CN']> & Joined<(typeof areaLocales)[number]['zh-CN']>;
    };
  }
}

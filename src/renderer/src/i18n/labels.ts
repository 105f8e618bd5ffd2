import type { TFunction } from 'i18next';
import i18n from 'i18next';

/**
 * A key built at run time (`auditActions.${action}`), translated when the locales have it, else the
 * fallback. Typed keys cannot check such a key, so it is passed as a plain string here, the one place:
 * the keys test checks these keys against the lists they are built from (error codes, audit actions…).
 */
export function translatedOr(t: TFunction, key: string, fallback: string, params: Record<string, unknown> = {}): string {
  const plain = t as unknown as (key: string, params: Record<string, unknown>) => string;
  return i18n.exists(key) ? plain(key, params) : fallback;
}

/** `areas.<area>` when the locale names the area, else its code (a new area before its strings exist). */
export function areaLabel(t: TFunction, area: string): string {
  return translatedOr(t, `areas.${area}`, area);
}

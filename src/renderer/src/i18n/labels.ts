import type { TFunction } from 'i18next';
import i18n from 'i18next';

/** `areas.<area>` when the locale names the area, else its code (a new area before its strings exist). */
export function areaLabel(t: TFunction, area: string): string {
  return i18n.exists(`areas.${area}`) ? t(`areas.${area}`) : area;
}

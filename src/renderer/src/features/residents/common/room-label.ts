import type { TFunction } from 'i18next';
import type { Building } from '@shared/contract/residents';

/** "2单元 501", or just "501" where the building has no units ('无', DOMAIN.md §8). */
export function roomLabel(t: TFunction, unit: string, room: string): string {
  return unit === '无' ? room : t('residents.place.unitRoom', { unit, room });
}

export function unitLabel(t: TFunction, unit: string): string {
  return unit === '无' ? t('residents.place.noUnit') : t('residents.place.unit', { unit });
}

/** "3栋" out of "幸福小区 3栋": inside a chosen compound the compound's name is noise. */
export function buildingShortLabel(b: Pick<Building, 'label' | 'compoundName' | 'name'>): string {
  const short = b.label.startsWith(b.compoundName) ? b.label.slice(b.compoundName.length).trim() : b.label;
  return short || b.name;
}

import type { TFunction } from 'i18next';
import { translatedOr } from '../../../i18n/labels';

/**
 * A coded-list value (民族, 文化程度, 婚姻状况, 职业, 居住事由, 与户主关系) in the user's language. Records store
 * the Chinese label; the standard ones have an English name (codeValues.<list>.<label>), a hall's own
 * entries are shown as typed.
 */
export function codeValueLabel(t: TFunction, list: string, value: string): string {
  if (!value) return value;
  const key = `codeValues.${list}.${value}`;
  return translatedOr(t, key, value);
}

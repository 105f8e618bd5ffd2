import type { TFunction } from 'i18next';
import type { ResidentRow } from '@shared/contract/residents';

export { genderLabel, statusColour, statusLabel } from './terms';

/** Why a row is archived: died beats moved out (both can be set on old records). */
export function archivedLabel(t: TFunction, row: Pick<ResidentRow, 'archived' | 'diedOn' | 'movedOutOn'>): string | null {
  if (!row.archived) return null;
  if (row.diedOn) return t('residents.archived.died', { date: row.diedOn });
  if (row.movedOutOn) return t('residents.archived.movedOut', { date: row.movedOutOn });
  return t('residents.archived.archived');
}

import type { TFunction } from 'i18next';
import { translatedOr } from '../../i18n/labels';
import type { BackupRecord } from '@shared/contract/backups';

export function kindLabel(t: TFunction, kind: BackupRecord['kind']): string {
  switch (kind) {
    case 'startup':
      return t('backups.kind.startup');
    case 'daily':
      return t('backups.kind.daily');
    case 'manual':
      return t('backups.kind.manual');
    case 'pre_restore':
      return t('backups.kind.pre_restore');
    case 'pre_migration':
      return t('backups.kind.pre_migration');
    default:
      return kind;
  }
}

/** Row counts are per table; known tables have names, a new area's tables show as they are. */
export function tableLabel(t: TFunction, table: string): string {
  return translatedOr(t, `backups.tables.${table}`, table);
}

import type { TFunction } from 'i18next';
import { translatedOr } from '../../../i18n/labels';
import type { ImportField, ImportProblem } from '@shared/contract/residents';
import { fieldLabel } from '../common/field-labels';

export function importFieldLabel(t: TFunction, field: ImportField): string {
  return fieldLabel(t, field) ?? field;
}

/** "第 12 行「证件号」：校验位不正确，应为 X" — every message says where, so the file can be fixed. */
export function problemText(t: TFunction, p: ImportProblem): string {
  const message = translatedOr(t, `errors.${p.code}`, t('common.unexpectedError', { code: p.code, message: '' }), { ...p.params });
  return p.field
    ? t('residents.import.problemAt', { row: p.row, field: importFieldLabel(t, p.field), message })
    : t('residents.import.problemRow', { row: p.row, message });
}

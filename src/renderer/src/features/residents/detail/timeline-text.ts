import type { TFunction } from 'i18next';
import { codeValueLabel } from '../common/code-values';
import { fieldLabel } from '../common/field-labels';
import { genderLabel } from '../common/terms';
import type { ResidentEvent } from '@shared/contract/residents';

export interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * History records name the stored columns (`birth_date`, `id_masked`); the form names fields (`birthDate`,
 * `idNumber`). Both read the same to people.
 */
export function fieldKey(field: string): string {
  const aliases: Record<string, string> = {
    id_masked: 'idNumber',
    idMasked: 'idNumber',
    phone_masked: 'phone',
    phoneMasked: 'phone',
    household_id: 'household',
    householdId: 'household',
    house_id: 'house',
    houseId: 'house',
    building_id: 'building',
    buildingId: 'building',
    grid_id: 'grid',
    gridId: 'grid',
  };
  return aliases[field] ?? field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The name of a changed field in the user's language; unknown fields keep their key rather than vanish. */
export function fieldName(t: TFunction, field: string): string {
  return fieldLabel(t, fieldKey(field)) ?? field;
}

/** Links (household, house) are stored as ids, which mean nothing to a reader: say only that they changed. */
export function isReference(field: string): boolean {
  return /(_id|Id)$/.test(field);
}

const flagColumns = new Set(['id_card_long_term']);

/** Fields whose values are a coded list's labels (stored in Chinese), by the list. */
const codedFields: Record<string, string> = {
  ethnicity: 'ethnicity',
  education: 'education',
  marital_status: 'marital_status',
  maritalStatus: 'marital_status',
  occupation: 'occupation',
  residence_reason: 'residence_reason',
  residenceReason: 'residence_reason',
  relation_to_head: 'relation_to_head',
  relationToHead: 'relation_to_head',
};

/** A changed value as people read it: booleans and genders in words, empty as 空, lists joined. */
export function valueText(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('residents.timeline.empty');
  if (isReference(field) && typeof value === 'string') return t('residents.timeline.linked');
  if (field === 'gender' && (value === 'male' || value === 'female')) return genderLabel(t, value);
  if (typeof value === 'boolean') return value ? t('residents.common.yes') : t('residents.common.no');
  // Yes/no columns are stored as 0/1 and recorded so in the history.
  if (flagColumns.has(field) && (value === 0 || value === 1)) return value ? t('residents.common.yes') : t('residents.common.no');
  if (codedFields[field] && typeof value === 'string') return codeValueLabel(t, codedFields[field], value);
  if (Array.isArray(value)) return value.map((v) => valueText(t, field, v)).join(t('common.listSeparator'));
  if (typeof value === 'object') {
    const named = value as { name?: unknown; label?: unknown; number?: unknown };
    return String(named.name ?? named.label ?? named.number ?? JSON.stringify(value));
  }
  return String(value);
}

export function changesOf(event: ResidentEvent): Change[] {
  const changes = (event.detail as { changes?: unknown }).changes;
  return Array.isArray(changes) ? (changes as Change[]).filter((c) => c && typeof c.field === 'string') : [];
}

/**
 * The detail of an event other than field changes, as "label: value" lines. The shape of `detail` is
 * per kind and may grow; keys this screen knows get words, the rest are shown plainly.
 */
export function detailLines(t: TFunction, event: ResidentEvent): string[] {
  const lines: string[] = [];
  const detail = (event.detail ?? {}) as Record<string, unknown>;
  // An import names its file and row: one line, as a person says it.
  if (typeof detail.fileName === 'string') {
    const file = detail.fileName;
    lines.push(typeof detail.row === 'number' ? t('residents.timeline.fromFileRow', { file, row: detail.row }) : t('residents.timeline.fromFile', { file }));
  }
  // 变更户: the new household's number and the relation before and after (the households are ids).
  if (event.kind === 'household_changed') {
    if (typeof detail.toNumber === 'string') lines.push(t('common.labelColon', { label: t('residents.household.number') }) + detail.toNumber);
    if (detail.relationFrom || detail.relationTo) {
      const relation = (v: unknown) => valueText(t, 'relationToHead', v);
      const label = t('common.labelColon', { label: fieldName(t, 'relationToHead') });
      lines.push(label + t('residents.timeline.fromTo', { from: relation(detail.relationFrom), to: relation(detail.relationTo) }));
    }
    return lines;
  }
  for (const [key, value] of Object.entries(detail)) {
    if (key === 'changes' || key === 'fileName' || key === 'row' || value === null || value === undefined || value === '') continue;
    if (typeof value === 'object' && !Array.isArray(value)) continue;
    // An id on its own tells a reader nothing (which house it was is in the address history).
    if (isReference(key)) continue;
    const label = fieldName(t, key);
    lines.push(t('common.labelColon', { label }) + valueText(t, key, value));
  }
  return lines;
}

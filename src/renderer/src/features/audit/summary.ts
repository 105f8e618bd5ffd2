import type { TFunction } from 'i18next';
import { translatedOr } from '../../i18n/labels';
import type { AuditEntry } from '@shared/contract/audit';
import { auditSummary } from '@shared/audit-summary';
import { visitOutcomes } from '@shared/contract/residents';
import { codeListLabel, genderLabel, outcomeLabel } from '../residents';

/** A report's name in the user's language (`residents.register` → 居民登记册). */
export function reportName(t: TFunction, name: string): string {
  return translatedOr(t, `reportNames.${name}`, name);
}

/** The sensitive field a reveal opened, in words. */
function revealedField(t: TFunction, field: unknown): string {
  if (field === 'idNumber') return t('residents.fields.idNumber');
  if (field === 'phone') return t('residents.fields.phone');
  return String(field ?? '');
}

/**
 * What an audit record's summary column says. Core records a summary as data at the time (a name, an
 * address); for records whose summary would otherwise be a code, a file name with signs, or a sentence in
 * one language, the words are made here from what the record holds, in the user's language.
 */
export function summaryText(t: TFunction, e: AuditEntry): string {
  const words = auditSummary((key, params) => translatedOr(t, key, key, params), e);
  if (words !== null) return words;
  if (e.action === 'residents.saveCodeList' && e.recordId) return codeListLabel(t, e.recordId);
  return e.summary ?? '';
}

/** A recorded value in words where the record stores a code (which field was revealed, how an import ran). */
export function valueText(t: TFunction, key: string, value: unknown): string | null {
  if (key === 'field' && (value === 'idNumber' || value === 'phone')) return revealedField(t, value);
  if (key === 'mode' && value === 'valid_rows') return t('audit.values.validRows');
  if (key === 'mode' && value === 'all_or_nothing') return t('audit.values.allOrNothing');
  if (key === 'planned' && value === 'as_previewed') return t('audit.values.asPreviewed');
  if (key === 'planned' && value === 'again') return t('audit.values.plannedAgain');
  if (key === 'seed' && value === 'demo') return t('audit.values.demo');
  if (key === 'gender' && (value === 'male' || value === 'female')) return genderLabel(t, value);
  if (key === 'outcome' && (visitOutcomes as readonly unknown[]).includes(value)) return outcomeLabel(t, value as (typeof visitOutcomes)[number]);
  return null;
}

import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { translatedOr } from '../../i18n/labels';
import type { z } from 'zod';
import { getPath } from './paths';
import type { FormErrors } from './use-form';

/**
 * Validates form values with the contract's own schema (the same one main parses with), so the form
 * says what the server would say, but before the round trip and in the user's language.
 */
export function schemaErrors(t: TFunction, schema: z.ZodType, values: unknown): FormErrors {
  const parsed = schema.safeParse(values);
  if (parsed.success) return {};
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.') || '_';
    errors[path] ??= issueMessage(t, issue, getPath(values, path));
  }
  return errors;
}

function issueMessage(t: TFunction, issue: z.core.$ZodIssue, value: unknown): string {
  // Custom messages in the contract are error codes.
  if (i18n.exists(`errors.${issue.message}`)) return translatedOr(t, `errors.${issue.message}`, issue.message);
  const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
  switch (issue.code) {
    case 'too_small':
      if (empty) return t('errors.contract.required');
      return issue.origin === 'string'
        ? t('errors.contract.too_short', { min: Number(issue.minimum) })
        : t('errors.contract.too_small', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('errors.contract.too_long', { max: Number(issue.maximum) })
        : t('errors.contract.too_big', { max: Number(issue.maximum) });
    case 'invalid_type':
      return empty ? t('errors.contract.required') : t('errors.contract.field_invalid', { detail: issue.message });
    default:
      return t('errors.contract.field_invalid', { detail: issue.message });
  }
}

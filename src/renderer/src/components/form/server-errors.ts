import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { translateFieldError } from '../../i18n/errors';
import type { FormErrors } from './use-form';

/**
 * Puts a failed call's field errors on the form (`payload.fields` keys are the input's dotted paths, as
 * the form's are). Returns true when at least one field error was placed, so the caller can skip a
 * general message that would only repeat "some fields are not valid".
 */
export function applyServerErrors(t: TFunction, form: { setErrors(errors: FormErrors): void }, err: unknown, rename: Record<string, string> = {}): boolean {
  if (!(err instanceof ApiError) || !err.payload.fields) return false;
  const errors: FormErrors = {};
  for (const [path, value] of Object.entries(err.payload.fields)) errors[rename[path] ?? path] = translateFieldError(t, value);
  form.setErrors(errors);
  // An error on the input as a whole ('_') has no field to sit on: the caller shows it.
  return Object.keys(errors).length > 0 && !('_' in errors);
}

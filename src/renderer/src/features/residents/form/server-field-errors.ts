import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { ApiError } from '../../../api/client';
import { translateFieldError } from '../../../i18n/errors';
import type { FormErrors } from '../../../components/form/use-form';

/**
 * Puts a failed save's field errors on the form, like `applyServerErrors`, but with the error's params:
 * core sends `contract.invalid_input` with a code per field and their params beside them
 * (`residents.birth_mismatch` with `fromId`), so the message can say what the number holds.
 * Returns true when a field error was placed.
 */
export function placeServerErrors(t: TFunction, form: { setErrors(errors: FormErrors): void }, err: unknown): boolean {
  if (!(err instanceof ApiError) || !err.payload.fields) return false;
  const params = err.payload.params ?? {};
  const errors: FormErrors = {};
  for (const [path, code] of Object.entries(err.payload.fields)) errors[path] = i18n.exists(`errors.${code}`) ? t(`errors.${code}`, params) : translateFieldError(t, code);
  form.setErrors(errors);
  return Object.keys(errors).length > 0 && !('_' in errors);
}

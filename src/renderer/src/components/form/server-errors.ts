import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { translateFieldError } from '../../i18n/errors';
import type { FormErrors } from './use-form';

/**
 * The one server-error helper: puts a failed call's field errors on a Mantine form through
 * `form.setErrors` (`payload.fields` keys are the input's dotted paths, as the form's are; `rename` maps
 * the ones a form keeps elsewhere), translated with the error's params. Returns true when at least one field error was placed, so the caller can skip a
 * general message that would only repeat "some fields are not valid".
 */
export function applyServerErrors(t: TFunction, form: { setErrors(errors: FormErrors): void }, err: unknown, rename: Record<string, string> = {}): boolean {
  if (!(err instanceof ApiError) || !err.payload.fields) return false;
  const params = err.payload.params ?? {};
  const errors: FormErrors = {};
  for (const [path, value] of Object.entries(err.payload.fields)) errors[rename[path] ?? path] = translateFieldError(t, value, params);
  form.setErrors(errors);
  // An error on the input as a whole ('_') has no field to sit on: the caller shows it.
  return Object.keys(errors).length > 0 && !('_' in errors);
}

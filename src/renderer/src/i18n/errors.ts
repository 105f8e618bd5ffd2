import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { ApiError } from '../api/client';
import { translatedOr } from './labels';

/**
 * The one way a failure becomes words: `errors.<code>` with the error's params. The raw message is
 * offered as `message` because some codes (`internal`, `jobs.failed`) carry their detail only there.
 */
export function translateError(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const { code, params, message } = err.payload;
    if (i18n.exists(`errors.${code}`)) return translatedOr(t, `errors.${code}`, code, { message, ...params });
    return t('common.unexpectedError', { code, message });
  }
  return t('errors.internal', { message: err instanceof Error ? err.message : String(err) });
}

/**
 * A field error from the server or from the contract's schema: either an error code (`auth.password_short`)
 * or a validator's own wording, which is shown as is in English and replaced by a plain sentence in Chinese.
 * The error's params go with the code (`residents.id_checksum` names the character it found).
 */
export function translateFieldError(t: TFunction, value: string, params: Record<string, unknown> = {}): string {
  if (i18n.exists(`errors.${value}`)) return translatedOr(t, `errors.${value}`, value, params);
  return t('errors.contract.field_invalid', { detail: value });
}

export function errorCode(err: unknown): string | null {
  return err instanceof ApiError ? err.code : null;
}

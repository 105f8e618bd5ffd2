import { AppError } from '../../../shared/errors';
import { passwordClasses } from '../../../shared/contract/auth';
import commonList from '../../../../resources/data/common-passwords.json';

/** Made by resources/data/common-passwords.mjs: lower-case, each passing the length and class rules. */
const common = new Set(commonList as string[]);

/**
 * The rules the contract's schema cannot check alone: not a password from the common list, and never the
 * user name (with only digits or symbols added: admin2026!). Length (10) and "not all one class" are in
 * the schema, so the forms say them too. Returns an error code, or null.
 */
export function passwordProblem(password: string, username: string): string | null {
  const lower = password.normalize('NFC').toLowerCase();
  if (lower.length < 10) return 'auth.password_short';
  if (passwordClasses(password) < 2) return 'auth.password_one_class';
  if (common.has(lower)) return 'auth.password_common';
  const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (letters(username) && letters(lower) === letters(username)) return 'auth.password_is_username';
  return null;
}

/** Throws `auth.password_weak`-style field errors on the form's password field. */
export function enforcePasswordPolicy(password: string, username: string, field: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError(problem, 'The password does not meet the policy', { fields: { [field]: problem } });
}

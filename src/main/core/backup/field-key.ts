import type SqliteDatabase from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { FieldCipher } from '../crypto/field-cipher';

const CHECK_INPUT = 'linli.field-key-check.v1';

export interface FieldKeyState {
  /** True when the file's ID numbers and phones were encrypted with another key than the one loaded. */
  mismatch: boolean;
  keyFile: string | null;
}

/**
 * Which key this file needs, recorded in the file as a keyed hash (it reveals nothing of the key). A file
 * from before the record is checked by decrypting one stored value, then gets the record. Returns whether
 * the loaded key is the file's.
 */
export function fieldKeyMatches(sqlite: SqliteDatabase.Database, secrets: FieldCipher, now: Date): boolean {
  const check = secrets.lookupHash(CHECK_INPUT);
  const row = sqlite.prepare('SELECT check_value FROM field_key_check WHERE id = 1').get() as { check_value: string } | undefined;
  if (row) return row.check_value === check;
  const sample = sqlite.prepare('SELECT id_cipher FROM residents WHERE id_cipher IS NOT NULL LIMIT 1').get() as { id_cipher: string } | undefined;
  if (sample) {
    try {
      secrets.decrypt(sample.id_cipher);
    } catch {
      return false;
    }
  }
  try {
    sqlite.prepare('INSERT OR IGNORE INTO field_key_check (id, check_value, created_at) VALUES (1, ?, ?)').run(check, now.toISOString());
  } catch {
    // Another writer holds the file: the record is made at the next opening.
  }
  return true;
}

/**
 * The cipher the handlers use. Without the file's key it refuses, in words naming the key file, instead
 * of showing empty fields or, worse, encrypting new values with a key the rest of the file does not use.
 */
export function guardedCipher(inner: FieldCipher, state: FieldKeyState): FieldCipher {
  const refuse = () => new AppError('crypto.key_missing', 'The field key of this data file is not here', { params: { path: state.keyFile ?? 'linli.key' } });
  return {
    encrypt(plain) {
      if (state.mismatch) throw refuse();
      return inner.encrypt(plain);
    },
    decrypt(stored) {
      if (state.mismatch) throw refuse();
      return inner.decrypt(stored);
    },
    lookupHash(plain) {
      if (state.mismatch) throw refuse();
      return inner.lookupHash(plain);
    },
  };
}

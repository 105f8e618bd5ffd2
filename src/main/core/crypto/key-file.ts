import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { KEY_BYTES } from './field-cipher';
import { ensureFolder } from '../util/folders';

/**
 * Where the field key lives for the hosts without Electron's safeStorage: a file beside the database,
 * readable only by its owner. Without it the encrypted fields of that database cannot be read, so the
 * key is created once, never replaced, and backed up separately from the data (see README).
 */
export function keyFileFor(databasePath: string): string {
  return path.join(path.dirname(databasePath), 'linli.key');
}

export function loadOrCreateKey(file: string): Buffer {
  if (fs.existsSync(file)) {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== KEY_BYTES) throw new AppError('crypto.bad_key', `The key file ${file} is damaged`, { params: { path: file } });
    return key;
  }
  ensureFolder(path.dirname(file));
  const key = randomBytes(KEY_BYTES);
  // 'wx': never overwrite a key another process wrote a moment ago.
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

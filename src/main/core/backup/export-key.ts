import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { CoreServices } from '../context';
import { ensureFolder } from '../util/folders';

/**
 * Writes the field key as `linli.key` into a folder of the administrator's choosing, owner-only, never over
 * an existing file. Not beside the data: a stick that carries both the backup and its key gives whoever
 * finds it every ID number, so a folder holding Linli data or backups is refused.
 */
export function exportFieldKey(core: CoreServices, folder: string): string {
  const dataFolders = [path.dirname(core.paths.database), core.paths.backupFolder].map((f) => path.resolve(f));
  const holdsData = () => {
    try {
      return fs.readdirSync(folder).some((n) => /^linli-.*\.sqlite$|\.sqlite$/.test(n));
    } catch {
      return false;
    }
  };
  if (dataFolders.includes(folder) || holdsData()) {
    throw new AppError('backups.key_beside_data', `${folder} holds Linli data`, { params: { path: folder } });
  }
  ensureFolder(folder, 0o700);
  const target = path.join(folder, 'linli.key');
  try {
    fs.writeFileSync(target, core.fieldKey.bytes().toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('backups.key_exists', `${target} exists`, { params: { path: target } });
    throw err;
  }
  return target;
}

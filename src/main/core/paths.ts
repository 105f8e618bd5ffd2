import os from 'node:os';
import path from 'node:path';

/**
 * Where Linli keeps its file by default: the user's app-data folder, the same one Electron's
 * `app.getPath('userData')` uses, so the app, `linli serve` and the CLI find the same file.
 */
export function defaultDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Linli');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Linli');
  return path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'Linli');
}

/** `--db` beats `LINLI_DB` beats the default. */
export function resolveDatabasePath(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit || env.LINLI_DB;
  return path.resolve(chosen || path.join(defaultDataFolder(env), 'linli.sqlite'));
}

export function backupFolderFor(databasePath: string): string {
  return path.join(path.dirname(databasePath), 'backups');
}

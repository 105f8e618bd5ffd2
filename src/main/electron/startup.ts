import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { checkCopy } from '../core/backup/verify';
import { resolveDatabasePath } from '../core/paths';

// Start-up decisions that need no Electron: which file to open, and how to put a backup in place of a
// file that cannot be opened without destroying anything. index.ts adds the dialogs around them.

/** `--db <file>` or `--db=<file>` on the command line. */
export function dbArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db' && i + 1 < argv.length) return argv[i + 1];
    if (a.startsWith('--db=')) return a.slice('--db='.length);
  }
  return null;
}

/** `--db` beats `LINLI_DB` beats the default folder, the same rule as the CLI. */
export function startupDatabasePath(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  return resolveDatabasePath(dbArgument(argv), env);
}

/** Opening errors the start-up dialog knows how to help with. */
export const RECOVERABLE_OPEN_ERRORS = new Set(['db.not_sqlite', 'db.corrupt', 'db.newer_version', 'db.not_linli']);

/** A newer Linli's file is fine, just not for this version: it must never be replaced by a backup. */
export function mayRestoreOver(code: string): boolean {
  return RECOVERABLE_OPEN_ERRORS.has(code) && code !== 'db.newer_version';
}

export function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * Renames the file (and its WAL/journal, which belong to it and must never be replayed onto another
 * file) to `<name>.broken-<timestamp>`. Renaming only: the bytes are neither changed nor deleted.
 */
export function moveAside(databasePath: string, now: Date): string {
  const aside = `${databasePath}.broken-${timestamp(now)}`;
  if (fs.existsSync(aside)) throw new Error(`${aside} already exists`);
  fs.renameSync(databasePath, aside);
  for (const suffix of SIDE_FILES) {
    if (fs.existsSync(databasePath + suffix)) fs.renameSync(databasePath + suffix, aside + suffix);
  }
  return aside;
}

/**
 * Puts a verified backup where the unreadable file was. The backup is checked first (integrity, schema,
 * audit chain); only then is the broken file moved aside, and the copy lands by rename, so a crash leaves
 * either no file or a whole one.
 */
export function restoreInPlace(databasePath: string, backupFile: string, now: Date): { movedAsideTo: string } {
  const live = path.resolve(databasePath);
  const candidate = path.resolve(backupFile);
  if (candidate === live) {
    throw new AppError('backups.invalid', 'The backup is the file that cannot be opened', { params: { path: candidate, problem: candidate } });
  }
  if (!fs.existsSync(candidate)) throw new AppError('backups.not_found', `No file at ${candidate}`, { params: { path: candidate } });
  const check = checkCopy(candidate);
  if (!check.ok) {
    throw new AppError('backups.invalid', `The backup cannot be used: ${check.problem}`, { params: { path: candidate, problem: check.problem ?? '' } });
  }

  const staging = path.join(path.dirname(live), `.restoring-${process.pid}-${timestamp(now)}.sqlite`);
  fs.copyFileSync(candidate, staging);
  try {
    const movedAsideTo = moveAside(live, now);
    fs.renameSync(staging, live);
    return { movedAsideTo };
  } finally {
    fs.rmSync(staging, { force: true });
  }
}

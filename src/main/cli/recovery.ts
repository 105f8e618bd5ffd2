import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { AppError } from '../../shared/errors';
import type { Database } from '../core/db/schema';
import { backupFolderFor } from '../core/paths';
import { checkCopy } from '../core/backup/verify';
import { listUsers, toUserSummary } from '../core/auth/users-repository';
import type { CommandContext } from './context';
import { CliError } from './errors';

/** The newest file in the data file's backup folder that passes every check, or null. */
export function newestGoodBackup(databasePath: string): string | null {
  const folder = backupFolderFor(databasePath);
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((n) => /^linli-.*\.sqlite$/.test(n));
  } catch {
    return null;
  }
  const newestFirst = names
    .map((n) => path.join(folder, n))
    .map((p) => ({ p, mtime: fs.statSync(p).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || b.p.localeCompare(a.p));
  return newestFirst.find(({ p }) => checkCopy(p).ok)?.p ?? null;
}

/** An active administrator in a (verified) backup, read-only, so the printed command is complete. */
export async function adminIn(file: string): Promise<string | null> {
  const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const admins = (await listUsers(db, false)).map(toUserSummary).filter((u) => u.roles.includes('admin'));
    return admins[0]?.username ?? null;
  } catch {
    return null;
  } finally {
    await db.destroy();
  }
}

/** Quotes an argument for a POSIX shell (or cmd.exe) only when it needs it. */
export function shellQuote(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  if (process.platform === 'win32') return `"${arg.replace(/"/g, '""')}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The data file cannot be opened: say why in the user's language and, when it is damaged, which backup
 * to restore and the exact command for it. The file itself is never touched.
 */
export async function databaseRefusal(ctx: CommandContext, err: AppError): Promise<CliError> {
  const lines = [ctx.explain(err.toPayload())];
  const details: Record<string, unknown> = { path: ctx.dbPath };
  if (err.code === 'db.corrupt' || err.code === 'db.not_sqlite') {
    const backup = newestGoodBackup(ctx.dbPath);
    if (backup) {
      const admin = (await adminIn(backup)) ?? ctx.text.adminPlaceholder;
      const command = ['linli', 'restore', '--db', shellQuote(ctx.dbPath), '--from', shellQuote(backup), '--user', admin].join(' ');
      lines.push(ctx.text.newestBackup(backup), ctx.text.restoreWith(command));
      Object.assign(details, { backup, restoreCommand: command });
    } else {
      lines.push(ctx.text.noGoodBackup(backupFolderFor(ctx.dbPath)));
      details.backup = null;
    }
  }
  return new CliError(lines.join('\n'), err.code, 1, details);
}

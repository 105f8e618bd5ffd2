import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { withStatementCache } from './statement-cache';
import { allowDirectReads } from './query-shape';
import { Migrator } from 'kysely/migration';
import { AppError } from '../../../shared/errors';
import type { Database } from './schema';
import { latestSchemaVersion, staticMigrationProvider } from './migrations';
import { ensureFolder } from '../util/folders';

/** Written into the SQLite header so that Linli recognises its own files ("LNLI"). */
export const LINLI_APPLICATION_ID = 0x4c4e4c49;
const SQLITE_MAGIC = 'SQLite format 3\0';

export interface OpenedDatabase {
  path: string;
  sqlite: SqliteDatabase.Database;
  db: Kysely<Database>;
  schemaVersion: number;
  /** Set when the file was migrated; the copy taken before. */
  preMigrationCopy: string | null;
}

export interface OpenOptions {
  /** Folder for the copy taken before a migration. */
  backupFolder: string;
  now?: () => Date;
}

/**
 * Opens (creating if needed) a Linli file. A file that is not SQLite, is damaged, or comes from a newer
 * Linli is refused before anything is written to it: it is only ever opened read-only for that check.
 */
export async function openDatabase(file: string, opts: OpenOptions): Promise<OpenedDatabase> {
  const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
  let fileVersion = 0;
  if (exists) fileVersion = inspectExisting(file);
  else {
    ensureFolder(path.dirname(file));
    // Owner-only from its first byte (SQLite would create it 0644); its -wal and -shm take the same mode.
    fs.closeSync(fs.openSync(file, 'a', 0o600));
  }
  ownerOnly(file);

  let preMigrationCopy: string | null = null;
  if (exists && fileVersion < latestSchemaVersion) {
    preMigrationCopy = await copyBeforeMigration(file, fileVersion, opts);
  }

  const sqlite = new SqliteDatabase(file);
  try {
    applyPragmas(sqlite);
    const statements = withStatementCache(sqlite);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
    allowDirectReads(db, sqlite, statements);
    if (fileVersion < latestSchemaVersion) await migrate(db, sqlite);
    return { path: file, sqlite, db, schemaVersion: latestSchemaVersion, preMigrationCopy };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

export function applyPragmas(sqlite: SqliteDatabase.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // A ledger must not lose a committed transaction, even on power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's default page cache is 2 MB; a district's registry reads far more. 64 MB, freed with the file.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
}

/**
 * A file up to this size gets SQLite's full integrity check when it is opened (a community's file is a
 * few MB: well under a second). quick_check, for larger ones, misses an index that disagrees with its
 * table ("row 2395 missing from index"); their full check is the automatic backup's, in a worker.
 */
export const FULL_CHECK_BYTES = 256 * 1024 * 1024;

/** Makes a file readable by its owner only: it holds people's records (and password hashes). */
export function ownerOnly(file: string): void {
  try {
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  } catch {
    // Not ours to change (another owner, a read-only medium): opening goes on, the check is advisory.
  }
}

/** Returns the file's schema version, or throws a clear AppError. Never writes. */
export function inspectExisting(file: string): number {
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_MAGIC) {
    throw new AppError('db.not_sqlite', `${file} is not a SQLite database`, { params: { path: file } });
  }
  let ro: SqliteDatabase.Database | null = null;
  try {
    ro = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const check = ro.pragma(fs.statSync(file).size <= FULL_CHECK_BYTES ? 'integrity_check' : 'quick_check', { simple: true });
    if (check !== 'ok') throw new AppError('db.corrupt', `${file} failed its integrity check: ${String(check)}`, { params: { path: file } });
    const appId = ro.pragma('application_id', { simple: true }) as number;
    const version = ro.pragma('user_version', { simple: true }) as number;
    const hasTables = (ro.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n > 0;
    if (hasTables && appId !== LINLI_APPLICATION_ID) {
      throw new AppError('db.not_linli', `${file} is a SQLite database but not a Linli file`, { params: { path: file } });
    }
    if (version > latestSchemaVersion) {
      throw new AppError('db.newer_version', `${file} was written by a newer Linli (schema ${version}; this version knows ${latestSchemaVersion})`, {
        params: { path: file, fileVersion: version, appVersion: latestSchemaVersion },
      });
    }
    return version;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('db.corrupt', `${file} cannot be read: ${(err as Error).message}`, { params: { path: file } });
  } finally {
    ro?.close();
  }
}

async function copyBeforeMigration(file: string, fromVersion: number, opts: OpenOptions): Promise<string> {
  ensureFolder(opts.backupFolder);
  const stamp = (opts.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const target = path.join(opts.backupFolder, `linli-before-schema-${fromVersion + 1}-${stamp}.sqlite`);
  const src = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    fs.closeSync(fs.openSync(target, 'a', 0o600));
    await src.backup(target);
  } finally {
    src.close();
  }
  return target;
}

async function migrate(db: Kysely<Database>, sqlite: SqliteDatabase.Database): Promise<void> {
  const migrator = new Migrator({ db, provider: staticMigrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new AppError('db.migration_failed', `Migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message}`);
  }
  sqlite.pragma(`application_id = ${LINLI_APPLICATION_ID}`);
  sqlite.pragma(`user_version = ${latestSchemaVersion}`);
}

/** Turns SQLite's own failures into codes a clerk can be told about. */
export function translateSqliteError(err: unknown): AppError | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const message = (err as Error).message;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new AppError('db.busy', message);
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) return new AppError('db.disk_full', message);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new AppError('db.corrupt', message);
  if (code.startsWith('SQLITE_READONLY')) return new AppError('db.readonly', message);
  if (code === 'SQLITE_CONSTRAINT_TRIGGER') {
    // A trigger that names an error code (`RAISE(ABORT, 'charity.period_closed')`) speaks for itself.
    const named = /^([a-z][a-z_]*(?:\.[a-z_]+)+)$/.exec(message);
    if (named) return new AppError(named[1], message);
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) return new AppError('db.constraint', message);
  return null;
}

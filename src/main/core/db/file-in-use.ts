import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';

/**
 * True when another connection (another process: the app, `linli serve`, a CLI command, or a worker thread
 * of this one) has the file open. In WAL mode every open connection holds a shared lock on the file for as
 * long as it is open, so a connection in EXCLUSIVE locking mode cannot begin an exclusive transaction
 * while any other one exists. Close this process's own connection before asking.
 */
export function otherConnectionsOpen(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  let probe: SqliteDatabase.Database | null = null;
  try {
    probe = new SqliteDatabase(file, { fileMustExist: true });
    probe.pragma('busy_timeout = 0');
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (err) {
    // Only a lock says "in use"; a file SQLite cannot read at all is nobody's open database.
    return String((err as { code?: unknown }).code).startsWith('SQLITE_BUSY');
  } finally {
    probe?.close();
  }
}

/** What a file is on disk: a file replaced by a rename has another inode. */
export interface FileIdentity {
  dev: number;
  ino: number;
}

export function fileIdentity(file: string): FileIdentity | null {
  try {
    const st = fs.statSync(file);
    return { dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}

export function sameFile(a: FileIdentity | null, b: FileIdentity | null): boolean {
  return !!a && !!b && a.dev === b.dev && a.ino === b.ino;
}

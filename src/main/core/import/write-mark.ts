import type SqliteDatabase from 'better-sqlite3';
import { lastRowid } from './references';

/**
 * A mark that changes whenever anything is written to the file: every write of the app appends to the
 * audit log (DESIGN.md), and a row added by any other path to one of `tables` changes its last rowid.
 * Each part is the last row of a table, read in O(log n); the schema version covers a migration.
 *
 * An import's preview takes it before planning; its commit, inside the write transaction, compares: the
 * same mark means the data is as the preview's plans found it, and they are written as they are.
 * Otherwise every row is planned again (a change made in between is never written over).
 */
export function writeMark(sqlite: SqliteDatabase.Database, tables: readonly string[]): string {
  const last = ['audit_log', ...tables].map((table) => lastRowid(sqlite, table));
  return [...last, sqlite.pragma('schema_version', { simple: true })].join(':');
}

import type SqliteDatabase from 'better-sqlite3';
import { lastRowid } from './references';

/**
 * A mark that changes whenever anything is written to the file: every write of the app appends to the
 * audit log (DESIGN.md), and a person, household or history row added by any other path changes those
 * tables' last rowid. Each part is the last row of a table, read in O(log n).
 *
 * The preview takes it before planning; the commit, inside its write transaction, compares: the same mark
 * means the registry is as the preview's plans found it, and they are written as they are. Otherwise
 * every row is planned again (a change made in between is never written over).
 */
export function registryMark(sqlite: SqliteDatabase.Database): string {
  const last = ['audit_log', 'residents', 'households', 'resident_events'].map((table) => lastRowid(sqlite, table));
  return [...last, sqlite.pragma('schema_version', { simple: true })].join(':');
}

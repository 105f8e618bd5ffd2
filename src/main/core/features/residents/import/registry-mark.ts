import type SqliteDatabase from 'better-sqlite3';

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
  const row = sqlite
    .prepare(
      `SELECT (SELECT max(rowid) FROM audit_log) AS audit, (SELECT max(rowid) FROM residents) AS residents,
        (SELECT max(rowid) FROM households) AS households, (SELECT max(rowid) FROM resident_events) AS events`,
    )
    .get() as Record<string, number | null>;
  const schema = sqlite.pragma('schema_version', { simple: true });
  return `${row.audit ?? 0}:${row.residents ?? 0}:${row.households ?? 0}:${row.events ?? 0}:${schema}`;
}

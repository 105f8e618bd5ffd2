import type SqliteDatabase from 'better-sqlite3';
import { writeMark } from '../../../import/write-mark';

/** The tables an import adds people to: with the audit log, the registry's write mark. */
export const registryTables = ['residents', 'households', 'resident_events'] as const;

/** The registry's write mark (core/import/write-mark.ts): the audit log and the tables people are added to. */
export function registryMark(sqlite: SqliteDatabase.Database): string {
  return writeMark(sqlite, registryTables);
}

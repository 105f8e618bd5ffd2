import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { recomputeNextVisitStatement } from '../visits/policy';

/**
 * next_visit_due for the households an import touched: the visits engineer's one set-based statement,
 * run on the import's own connection inside its transaction.
 */
export function recomputeTouchedVisits(
  db: Kysely<Database>,
  sqlite: SqliteDatabase.Database,
  householdIds: Iterable<string>,
  today: string,
  timeZone: string,
): void {
  const s = recomputeNextVisitStatement(db, [...householdIds], today, timeZone);
  if (s) sqlite.prepare(s.sql).run(...(s.parameters as unknown[]));
}

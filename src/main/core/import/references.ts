import type SqliteDatabase from 'better-sqlite3';

/**
 * A large import writes with the connection's foreign-key enforcement off and checks the references of
 * the rows it wrote here, once per table, before its COMMIT. Enforced, SQLite looks each parent up on every
 * statement run: four look-ups per resident (house, building, grid, household), about 2.5 s of a
 * 100,000-row commit into a million-row registry; one statement over the same rows takes a fifth of a
 * second. Either way a missing parent fails the whole transaction.
 */
export interface WrittenRows {
  /** The rows to check, as a condition on the table aliased `r`, and its parameters. */
  where: string;
  params: unknown[];
}

interface ForeignKey {
  from: string;
  table: string;
  to: string | null;
}

/** For each foreign key of `table`: the column, and a query for the first of `where`'s rows whose parent is missing. */
export function referenceCheckQueries(sqlite: SqliteDatabase.Database, table: string, where: string): { column: string; sql: string }[] {
  const keys = sqlite.prepare('SELECT "from", "table", "to" FROM pragma_foreign_key_list(?)').all(table) as ForeignKey[];
  return keys.map((k) => ({
    column: k.from,
    sql: `SELECT r.${quote(k.from)} AS value FROM ${quote(table)} AS r WHERE (${where}) AND r.${quote(k.from)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${quote(k.table)} AS p WHERE p.${quote(k.to ?? 'rowid')} = r.${quote(k.from)}) LIMIT 1`,
  }));
}

/** The first row of `table` among `rows` whose reference names no existing parent, or null. */
export function findBrokenReference(sqlite: SqliteDatabase.Database, table: string, rows: WrittenRows): { column: string; value: unknown } | null {
  for (const q of referenceCheckQueries(sqlite, table, rows.where)) {
    const found = sqlite.prepare(q.sql).get(...rows.params) as { value: unknown } | undefined;
    if (found) return { column: q.column, value: found.value };
  }
  return null;
}

/** Throws, naming the table and column, when a written row refers to a parent that does not exist. */
export function checkReferences(sqlite: SqliteDatabase.Database, table: string, rows: WrittenRows): void {
  const broken = findBrokenReference(sqlite, table, rows);
  if (broken) throw new Error(`import: ${table}.${broken.column} refers to a missing record (${String(broken.value)})`);
}

/** The largest rowid of a table now: rows inserted later in the same write transaction have larger ones. */
export function lastRowid(sqlite: SqliteDatabase.Database, table: string): number {
  return Number((sqlite.prepare(`SELECT coalesce(max(rowid), 0) AS n FROM ${quote(table)}`).get() as { n: number }).n);
}

/**
 * Runs `write` with foreign-key enforcement off on this connection (it cannot change inside a
 * transaction: then it stays as it is), and turns it back on after, whatever happens.
 */
export async function withoutForeignKeyEnforcement<T>(sqlite: SqliteDatabase.Database, write: () => Promise<T>): Promise<T> {
  const wasOn = Number(sqlite.pragma('foreign_keys', { simple: true })) === 1;
  if (wasOn && !sqlite.inTransaction) sqlite.pragma('foreign_keys = OFF');
  try {
    return await write();
  } finally {
    if (wasOn && !sqlite.inTransaction && sqlite.open) sqlite.pragma('foreign_keys = ON');
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

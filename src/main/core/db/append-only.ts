import { sql, type QueryExecutorProvider } from 'kysely';

/**
 * Makes a table append-only: triggers refuse UPDATE and DELETE with the error code `db.append_only`
 * (translateSqliteError passes a trigger's code through). For migrations: the triggers are part of the
 * schema, so the rule holds for every writer, raw SQL included.
 */
export async function installAppendOnlyTriggers(db: QueryExecutorProvider, table: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`Not a table name: ${table}`);
  await sql.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, 'db.append_only'); END`).execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, 'db.append_only'); END`).execute(db);
}

import fs from 'node:fs';
import type SqliteDatabase from 'better-sqlite3';

/** The tables a seed fills; their secondary indexes are built once at the end instead of row by row. */
const seededTables = ['buildings', 'houses', 'households', 'residents', 'resident_tags', 'visits'];

interface IndexDdl {
  name: string;
  sql: string;
}

/** Written beside the database while its indexes are deferred, so that an interrupted seed can be repaired. */
export function deferredIndexFile(databasePath: string): string {
  return `${databasePath}.seed-indexes.json`;
}

/**
 * Bulk loading a million rows into 20-odd random-order indexes costs several times more than sorting
 * them once afterwards, so a seed into an empty registry drops the secondary indexes of the tables it
 * fills (their DDL saved beside the file first) and `restore` recreates them from the same DDL, exactly
 * as the migration made them. Unique constraints stay in force throughout.
 */
export function deferIndexes(sqlite: SqliteDatabase.Database, databasePath: string): { restore(): void } {
  const marks = seededTables.map(() => '?').join(', ');
  const ddl = sqlite
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${marks}) ORDER BY name`)
    .all(...seededTables) as IndexDdl[];
  const file = deferredIndexFile(databasePath);
  fs.writeFileSync(file, JSON.stringify(ddl, null, 1) + '\n', { mode: 0o600 });
  sqlite.transaction(() => {
    for (const i of ddl) sqlite.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
  })();
  return { restore: () => restoreIndexes(sqlite, databasePath) };
}

/** Recreates indexes a seed deferred (also after a crash); a no-op when there is nothing to restore. */
export function restoreIndexes(sqlite: SqliteDatabase.Database, databasePath: string): number {
  const file = deferredIndexFile(databasePath);
  if (!fs.existsSync(file)) return 0;
  const ddl = JSON.parse(fs.readFileSync(file, 'utf8')) as IndexDdl[];
  sqlite.transaction(() => {
    for (const i of ddl) sqlite.exec(i.sql.replace(/^CREATE (UNIQUE )?INDEX /i, (m) => `${m}IF NOT EXISTS `));
  })();
  fs.rmSync(file);
  return ddl.length;
}

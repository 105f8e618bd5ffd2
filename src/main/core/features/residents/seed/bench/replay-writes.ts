import type SqliteDatabase from 'better-sqlite3';

/** Where an import's rows are found in the file it wrote: each table, and its column holding the commit's time. */
const writtenTables = [
  ['households', 'created_at'],
  ['residents', 'created_at'],
  ['resident_events', 'at'],
  ['resident_tags', 'created_at'],
] as const;

/**
 * The raw side of the import's commit, which runs in a worker thread on its own connection (so its
 * statements cannot be recorded on the app's): the rows the import wrote, read back from `written`, are
 * inserted into `raw` (a copy taken before the import) with statements prepared once, each resident after
 * the identity look-up the commit makes for it, in the order the commit writes them. Returns how many
 * statements it ran. Households go in without their head, which is set once its resident is in.
 */
export function replayImportWrites(raw: SqliteDatabase.Database, written: SqliteDatabase.Database, at: string): number {
  let statements = 0;
  const byHash = raw.prepare('SELECT * FROM residents WHERE id_hash = ?');
  const heads: [string, string][] = [];
  for (const [table, column] of writtenTables) {
    const rows = written.prepare(`SELECT * FROM ${table} WHERE ${column} = ?`).all(at) as Record<string, unknown>[];
    if (rows.length === 0) continue;
    const columns = Object.keys(rows[0]);
    const insert = raw.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
    for (const row of rows) {
      if (table === 'households' && row.head_resident_id) {
        heads.push([row.id as string, row.head_resident_id as string]);
        row.head_resident_id = null;
      }
      if (table === 'residents' && row.id_hash) {
        byHash.get(row.id_hash);
        statements++;
      }
      insert.run(row);
      statements++;
    }
  }
  const setHead = raw.prepare('UPDATE households SET head_resident_id = ? WHERE id = ?');
  for (const [household, head] of heads) {
    setHead.run(head, household);
    statements++;
  }
  return statements;
}

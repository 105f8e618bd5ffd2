import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';

/**
 * Changes bytes of a value inside a table's own pages, behind SQLite's back, the way a failing disk or a
 * stray write does: the table and its index then disagree ("row … missing from index"), which
 * quick_check does not notice and integrity_check does. The file must be closed (WAL checkpointed).
 */
export function damageIndexedValue(file: string, table: string, from: string, to: string): void {
  if (from.length !== to.length) throw new Error('same length, so that only the value changes');
  const db = new SqliteDatabase(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = (db.prepare('SELECT pageno FROM dbstat WHERE name = ?').all(table) as { pageno: number }[]).map((p) => p.pageno);
  db.close();
  const bytes = fs.readFileSync(file);
  for (const page of pages) {
    const start = (page - 1) * pageSize;
    const at = bytes.subarray(start, start + pageSize).indexOf(Buffer.from(from));
    if (at >= 0) {
      Buffer.from(to).copy(bytes, start + at);
      fs.writeFileSync(file, bytes);
      return;
    }
  }
  throw new Error(`${from} not found in the pages of ${table}`);
}

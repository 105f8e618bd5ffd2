import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from '../../../src/main/core/db/migrations';
import { tempDir } from '../support/core';

/**
 * A migration's test, as Signal keeps them: a file brought to the schema just before the migration, rows
 * written as the app of that time wrote them, then the migration, then what it promised (its data, its
 * constraints, the query plans it was for). Migrations are history, so each test stops at its own.
 */
export interface MigratingFile {
  sqlite: SqliteDatabase.Database;
  /** Applies every migration up to and including `last`. */
  migrateTo(last: string): Promise<void>;
  close(): Promise<void>;
}

export async function fileAt(last: string): Promise<MigratingFile> {
  const sqlite = new SqliteDatabase(path.join(tempDir('linli-migration-'), 'linli.sqlite'));
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrateTo = async (to: string) => {
    if (!(to in migrations)) throw new Error(`no migration ${to}`);
    const upTo = Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= to));
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => upTo } }).migrateToLatest();
    if (error) throw error;
  };
  await migrateTo(last);
  return { sqlite, migrateTo, close: () => db.destroy() };
}

/** The plan SQLite chooses for a query, one step a line. */
export function planOf(sqlite: SqliteDatabase.Database, query: string, ...params: unknown[]): string {
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

/** An index's columns in order (expressions as null), and its WHERE clause for a partial index. */
export function indexOf(sqlite: SqliteDatabase.Database, name: string): { columns: (string | null)[]; where: string | null } | null {
  const row = sqlite.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").get(name) as { sql: string } | undefined;
  if (!row) return null;
  const columns = (sqlite.prepare(`PRAGMA index_info(${name})`).all() as { name: string | null }[]).map((c) => c.name);
  return { columns, where: /\bWHERE\b(.*)$/is.exec(row.sql)?.[1].trim() ?? null };
}

/** A resident row with only what the schema requires, as the app of 0002–0008 wrote it. */
export function insertResident(
  sqlite: SqliteDatabase.Database,
  r: { id: string; name: string; pinyin?: string; birth?: string | null; status?: string; archived?: 0 | 1; more?: Record<string, unknown> },
): void {
  const values: Record<string, unknown> = {
    id: r.id,
    name: r.name,
    name_pinyin: r.pinyin ?? '',
    name_initials: '',
    doc_type: '其他',
    birth_date: r.birth ?? null,
    status: r.status ?? '户籍',
    archived: r.archived ?? 0,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    ...r.more,
  };
  const columns = Object.keys(values);
  sqlite.prepare(`INSERT INTO residents (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(values);
}

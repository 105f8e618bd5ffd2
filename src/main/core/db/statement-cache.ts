import type SqliteDatabase from 'better-sqlite3';

/** Enough for every distinct query the screens send; IN lists of varying length make the rest, and age out. */
const MAX_STATEMENTS = 500;

type Statement = SqliteDatabase.Statement;

/** What Kysely's SqliteDialect needs of the database: prepare and close. */
export interface PreparingDatabase {
  prepare(sql: string): Statement;
  close(): void;
}

const caches = new WeakMap<SqliteDatabase.Database, Map<string, Statement>>();

/**
 * The connection as Kysely should see it: each distinct SQL text prepared once and reused. Kysely's
 * driver prepares every query it runs, and preparing (parsing and planning) costs more than running a
 * search or a list page's look-ups (about a third of a handler's own time at 200,000 residents). A
 * statement still being iterated (a streamed query) is not handed out twice: a fresh one is prepared.
 */
export function withStatementCache(sqlite: SqliteDatabase.Database): PreparingDatabase {
  const cache = new Map<string, Statement>();
  caches.set(sqlite, cache);
  return {
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Most recently used last: the oldest entry is the one dropped.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const stmt = sqlite.prepare(sql);
      if (cached) return stmt;
      cache.set(sql, stmt);
      if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
      return stmt;
    },
    close: () => sqlite.close(),
  };
}

/** Forgets the connection's prepared statements (the benchmark's recorder needs every query prepared again). */
export function clearStatementCache(sqlite: SqliteDatabase.Database): void {
  caches.get(sqlite)?.clear();
}

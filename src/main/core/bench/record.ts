import type SqliteDatabase from 'better-sqlite3';
import { clearStatementCache } from '../db/statement-cache';

/** One statement a handler ran, with its parameters, as better-sqlite3 received it. */
export interface RecordedStatement {
  sql: string;
  params: unknown[];
  reader: boolean;
}

type Stmt = SqliteDatabase.Statement;

/**
 * Runs `work` and returns every statement it prepared and executed on this connection (Kysely prepares
 * each query through `Database.prepare`, so this is exactly the SQL the handler ran). The raw side of
 * the benchmark replays that list with statements prepared once: the same queries on the same file,
 * without the contract, Kysely and the mapping around them.
 */
export async function recordStatements<T>(sqlite: SqliteDatabase.Database, work: () => Promise<T>): Promise<{ value: T; statements: RecordedStatement[] }> {
  const statements: RecordedStatement[] = [];
  const original = sqlite.prepare;
  // Statements prepared meanwhile that something keeps for later (a session's look-ups): their own methods
  // are given back after, so that they neither keep recording nor cost the handler a wrapper on every call.
  const patchedStatements: Stmt[] = [];
  const patched = function (this: SqliteDatabase.Database, source: string): Stmt {
    const stmt = original.call(this, source) as Stmt;
    const reader = stmt.reader;
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const fn = stmt[method] as (...args: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        statements.push({ sql: source, params: flattenParams(args), reader });
        return fn.apply(stmt, args);
      };
    }
    patchedStatements.push(stmt);
    return stmt;
  };
  // Kysely reuses prepared statements (db/statement-cache.ts): emptied so that each query is prepared, and
  // seen, again; emptied after, so that no recording statement stays in use.
  clearStatementCache(sqlite);
  sqlite.prepare = patched as typeof sqlite.prepare;
  try {
    const value = await work();
    return { value, statements };
  } finally {
    sqlite.prepare = original;
    clearStatementCache(sqlite);
    for (const stmt of patchedStatements)
      for (const method of ['all', 'get', 'run', 'iterate'] as const) delete (stmt as unknown as Record<string, unknown>)[method];
  }
}

/** better-sqlite3 takes parameters spread or as one array. */
function flattenParams(args: unknown[]): unknown[] {
  return args.length === 1 && Array.isArray(args[0]) ? [...(args[0] as unknown[])] : args;
}

/**
 * Transaction control, which the replay does itself (replayInTransaction). Everything else the handler ran
 * is replayed, the settings it read (the hall's time zone) included: the raw side does the same work.
 */
export function isFrameworkStatement(sql: string): boolean {
  return /^\s*(begin|commit|rollback|savepoint|release)\b/i.test(sql);
}

/**
 * Prepares the recorded statements once and returns a function that runs them all again, reading every
 * row (as the handler did). Statements that write are only allowed inside `replayInTransaction`.
 */
export function compileReplay(
  sqlite: SqliteDatabase.Database,
  recorded: RecordedStatement[],
  profile?: Map<string, { count: number; ms: number }>,
): () => number {
  const cache = new Map<string, Stmt>();
  const steps = recorded
    .filter((r) => !isFrameworkStatement(r.sql))
    .map((r) => {
      let stmt = cache.get(r.sql);
      if (!stmt) {
        stmt = sqlite.prepare(r.sql);
        cache.set(r.sql, stmt);
      }
      return { stmt, params: r.params, reader: r.reader };
    });
  const run = (s: (typeof steps)[number]) => (s.reader ? s.stmt.all(...s.params).length : (s.stmt.run(...s.params), 0));
  if (profile) {
    // Time per distinct statement, to show where a slow replay spends its time.
    return () => {
      let rows = 0;
      for (const s of steps) {
        const t = performance.now();
        rows += run(s);
        const entry = profile.get(s.stmt.source) ?? { count: 0, ms: 0 };
        entry.count++;
        entry.ms += performance.now() - t;
        profile.set(s.stmt.source, entry);
      }
      return rows;
    };
  }
  return () => {
    let rows = 0;
    for (const s of steps) rows += run(s);
    return rows;
  };
}

/** Runs writes and reads of a recording inside a transaction that is rolled back: the file is left as it was. */
export function replayInTransaction(sqlite: SqliteDatabase.Database, replay: () => number): number {
  sqlite.exec('BEGIN');
  try {
    return replay();
  } finally {
    sqlite.exec('ROLLBACK');
  }
}

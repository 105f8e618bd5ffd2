import { CompiledQuery, type Compilable, type Kysely, type RawBuilder } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import type { Database } from './schema';
import type { PreparingDatabase } from './statement-cache';

/**
 * Reads for the calls every desk makes all day (a list page, a search): compiled once, run on the
 * connection directly.
 *
 * Building a query with Kysely's builder and compiling it costs 5–30 µs, and running it through Kysely's
 * executor (its connection lock, a chain of promises) another 5–10 µs on a busy machine; a list page makes
 * five small look-ups beside its page query, each costing about that much in SQLite itself.
 */

interface DirectConnection {
  sqlite: SqliteDatabase.Database;
  statements: PreparingDatabase;
}

const connections = new WeakMap<Kysely<Database>, DirectConnection>();

/** Registers a connection's Kysely instance (the app's, not a transaction's) for direct reads. */
export function allowDirectReads(db: Kysely<Database>, sqlite: SqliteDatabase.Database, statements: PreparingDatabase): void {
  connections.set(db, { sqlite, statements });
}

/**
 * Runs a read and returns its rows. On the app's connection with no transaction open, the statement runs
 * at once (synchronously, prepared once by the statement cache): Kysely's connection lock only orders
 * statements and transactions, and with no transaction open there is nothing to wait for. While a write's
 * transaction is open, a read from another call goes through Kysely and waits for the lock as before, so
 * that it never sees the write's uncommitted rows; a write's own reads (its `db` is the transaction's) go
 * through Kysely too.
 */
export async function selectRows<R>(db: Kysely<Database>, query: Compilable<R> | RawBuilder<R>): Promise<R[]> {
  // A raw query compiles with the connection's compiler; a builder knows its own.
  const compiled = isRawBuilder(query) ? query.compile(db) : query.compile();
  return selectCompiled<R>(db, compiled.sql, compiled.parameters);
}

/** selectRows for a query compiled before (a QueryTemplate filled with a call's values). */
export async function selectCompiled<R>(db: Kysely<Database>, sql: string, parameters: readonly unknown[]): Promise<R[]> {
  const direct = connections.get(db);
  if (direct && !direct.sqlite.inTransaction) {
    const stmt = direct.statements.prepare(sql);
    if (stmt.reader) return stmt.all(parameters as unknown[]) as R[];
  }
  return (await db.executeQuery<R>(CompiledQuery.raw(sql, [...parameters]) as CompiledQuery<R>)).rows;
}

function isRawBuilder<R>(query: unknown): query is RawBuilder<R> {
  return (query as { isRawBuilder?: unknown }).isRawBuilder === true;
}

/**
 * A query whose SQL is the same on every call, only its values change: built and compiled by Kysely once,
 * then run with each call's values through selectRows. The shape is built with a placeholder for each named
 * value; where a placeholder lands among the compiled parameters is found once, and each run puts that
 * call's values there. Anything else the builder was given (constants) stays as it was compiled.
 */
export interface QueryShape<P extends Record<string, unknown>, R> {
  execute(db: Kysely<Database>, values: P): Promise<R[]>;
  /** The compiled SQL (for tests and query plans). */
  sql(db: Kysely<Database>): string;
}

/** A placeholder no value of ours looks like: NUL, then the value's name. */
const PLACEHOLDER = '\u0000linli-value:';

/** Stands for a named value while a query's shape is compiled (fillTemplate puts the call's value there). */
export function placeholder(name: string): string {
  return PLACEHOLDER + name;
}

type Slot = { kind: 'value'; name: string } | { kind: 'constant'; value: unknown };

/** A compiled query with the places of its named values: the same SQL text for every call. */
export interface QueryTemplate {
  sql: string;
  slots: Slot[];
}

/** Finds where each placeholder landed among a compiled query's parameters; `names` must all be there. */
export function templateOf(query: { sql: string; parameters: readonly unknown[] }, names: readonly string[] = []): QueryTemplate {
  const slots = query.parameters.map((p): Slot =>
    typeof p === 'string' && p.startsWith(PLACEHOLDER) ? { kind: 'value', name: p.slice(PLACEHOLDER.length) } : { kind: 'constant', value: p },
  );
  // A value the builder transformed or dropped would otherwise be run as the placeholder's text.
  for (const n of names)
    if (!slots.some((s) => s.kind === 'value' && s.name === n)) throw new Error(`queryShape: the value ${n} does not reach the compiled query`);
  return { sql: query.sql, slots };
}

/** The parameters of one call: its values where the placeholders were, the constants as compiled. */
export function fillTemplate(template: QueryTemplate, values: Readonly<Record<string, unknown>>): unknown[] {
  return template.slots.map((s) => {
    if (s.kind === 'constant') return s.value;
    const value = values[s.name];
    if (value === undefined) throw new Error(`queryShape: no value for ${s.name}`);
    return value;
  });
}

export function queryShape<P extends Record<string, unknown>, R>(
  names: readonly (keyof P & string)[],
  build: (db: Kysely<Database>, values: P) => Compilable<R>,
): QueryShape<P, R> {
  let compiled: QueryTemplate | null = null;

  const compile = (db: Kysely<Database>) => {
    if (compiled) return compiled;
    const placeholders = Object.fromEntries(names.map((n) => [n, placeholder(n)])) as unknown as P;
    compiled = templateOf(build(db, placeholders).compile(), names);
    return compiled;
  };

  return {
    async execute(db, values) {
      const template = compile(db);
      return selectCompiled<R>(db, template.sql, fillTemplate(template, values));
    },
    sql: (db) => compile(db).sql,
  };
}

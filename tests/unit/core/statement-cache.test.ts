import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { clearStatementCache, withStatementCache } from '../../../src/main/core/db/statement-cache';
import { recordStatements } from '../../../src/main/core/bench/record';
import { tempDir } from '../support/core';

let open: SqliteDatabase.Database | null = null;
afterEach(() => {
  if (open?.open) open.close();
  open = null;
});

function database() {
  const sqlite = new SqliteDatabase(path.join(tempDir(), 'cache.sqlite'));
  open = sqlite;
  sqlite.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t (v) VALUES ('a'), ('b'), ('c')");
  let prepared = 0;
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    prepared++;
    return prepare(source);
  }) as typeof sqlite.prepare;
  const db = new Kysely<{ t: { id: Generated<number>; v: string } }>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { sqlite, db, prepared: () => prepared };
}

describe("Kysely's statements, prepared once per connection (db/statement-cache.ts)", () => {
  it('prepares each SQL text once and gives the same rows with other parameters', async () => {
    const { db, prepared } = database();
    const byId = (id: number) => db.selectFrom('t').select('v').where('id', '=', id).execute();
    expect(await byId(1)).toEqual([{ v: 'a' }]);
    expect(await byId(2)).toEqual([{ v: 'b' }]);
    expect(await byId(9)).toEqual([]);
    expect(prepared()).toBe(1);
    await db.insertInto('t').values({ v: 'd' }).execute();
    await db.insertInto('t').values({ v: 'e' }).execute();
    expect(prepared()).toBe(2);
    expect((await db.selectFrom('t').select('v').execute()).map((r) => r.v)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a streamed query left early frees its statement: the same query runs again on it', async () => {
    const { db, prepared } = database();
    const all = () => db.selectFrom('t').select(['id', 'v']).orderBy('id');
    for await (const row of all().stream()) {
      expect(row.v).toBe('a');
      break;
    }
    expect((await all().execute()).map((r) => r.v)).toEqual(['a', 'b', 'c']);
    expect(prepared()).toBe(1);
  });

  it('keeps at most 500 statements, the least recently used going first', async () => {
    const { db, prepared } = database();
    const literal = (n: number) => sql<{ n: number }>`SELECT ${sql.lit(n)} AS n`.execute(db);
    for (let n = 0; n < 501; n++) await literal(n);
    expect(prepared()).toBe(501);
    await literal(500);
    expect(prepared()).toBe(501);
    await literal(0);
    expect(prepared()).toBe(502);
  });

  it("is emptied for the benchmark's recorder, which must see every statement the handler prepares", async () => {
    const { sqlite, db } = database();
    const byId = (id: number) => db.selectFrom('t').select('v').where('id', '=', id).execute();
    await byId(1);
    const recorded = await recordStatements(sqlite, () => byId(2));
    expect(recorded.statements.map((s) => s.params)).toEqual([[2]]);
    clearStatementCache(sqlite);
    expect(await byId(3)).toEqual([{ v: 'c' }]);
  });
});

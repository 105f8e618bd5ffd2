import { describe, expect, it } from 'vitest';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from '../../../src/main/core/db/migrations';
import { tempDir } from '../support/core';

describe('migration 0009: sessions, failed sign-ins, backup checksums and the field key check in the file', () => {
  it('keeps existing backups (without a checksum) and holds its constraints', async () => {
    const sqlite = new SqliteDatabase(path.join(tempDir(), 'linli.sqlite'));
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const migrate = async (last: string) => {
      const upTo = Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last));
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => upTo } }).migrateToLatest();
      if (error) throw error;
    };
    await migrate('0008_residents_rowid_tiebreak');
    sqlite
      .prepare(
        "INSERT INTO backups (id, at, kind, path, bytes, ok, problem, counts_json, created_by) VALUES ('b1', '2026-01-01', 'manual', '/x.sqlite', 1, 1, NULL, '{}', NULL)",
      )
      .run();
    sqlite
      .prepare(
        "INSERT INTO users (id, username, display_name, password_hash, roles_json, disabled, created_at, updated_at) VALUES ('u1', 'admin', 'A', 'h', '[\"admin\"]', 0, 'x', 'x')",
      )
      .run();

    await migrate('0009_hardening');
    expect(sqlite.prepare('SELECT sha256 FROM backups').get()).toEqual({ sha256: null });
    expect(() => sqlite.prepare("UPDATE backups SET sha256 = 'short'").run()).toThrow(/CHECK/);

    const session = sqlite.prepare(
      'INSERT INTO sessions (token_hash, user_id, host_id, workstation, created_at, ended_at, ended_reason) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    session.run('t1', 'u1', 'h1', 'desk', 'x', null, null);
    expect(() => session.run('t2', 'u1', 'h1', 'desk', 'x', 'y', null)).toThrow(/CHECK/);
    expect(() => session.run('t3', 'u1', 'h1', 'desk', 'x', 'y', 'stolen')).toThrow(/CHECK/);
    expect(() => session.run('t4', 'nobody', 'h1', 'desk', 'x', null, null)).toThrow(/FOREIGN KEY/);
    expect(sqlite.prepare("EXPLAIN QUERY PLAN SELECT token_hash FROM sessions WHERE user_id = 'u1' AND ended_at IS NULL").all()).toEqual(
      expect.arrayContaining([expect.objectContaining({ detail: expect.stringContaining('sessions_open_by_user') })]),
    );

    expect(() => sqlite.prepare("INSERT INTO login_failures VALUES ('admin', 0, 'x')").run()).toThrow(/CHECK/);
    expect(() => sqlite.prepare("INSERT INTO field_key_check VALUES (2, 'c', 'x')").run()).toThrow(/CHECK/);
    await db.destroy();
  });
});

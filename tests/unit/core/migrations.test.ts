import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { openDatabase, LINLI_APPLICATION_ID } from '../../../src/main/core/db/connection';
import { latestSchemaVersion, migrations } from '../../../src/main/core/db/migrations';
import { tempDir } from '../support/core';

/** A file as the first Linli release left it: only the foundation migration, with one account in it. */
async function fileAtSchema1(file: string): Promise<void> {
  const sqlite = new SqliteDatabase(file);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const first = { '0001_foundation': migrations['0001_foundation'] };
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => first } }).migrateToLatest();
  if (error) throw error;
  sqlite.pragma(`application_id = ${LINLI_APPLICATION_ID}`);
  sqlite.pragma('user_version = 1');
  sqlite
    .prepare(
      "INSERT INTO users (id, username, display_name, password_hash, roles_json, created_at, updated_at) VALUES ('u1', 'admin', '王主任', 'x', '[\"admin\"]', '2026-01-01', '2026-01-01')",
    )
    .run();
  await db.destroy();
}

describe('migrations', () => {
  it('an older file is copied before it is migrated, and keeps its data', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'linli.sqlite');
    await fileAtSchema1(file);
    const opened = await openDatabase(file, { backupFolder: path.join(dir, 'backups') });
    expect(opened.preMigrationCopy).not.toBeNull();
    expect(fs.existsSync(opened.preMigrationCopy!)).toBe(true);
    expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(opened.sqlite.prepare('SELECT display_name FROM users').get()).toEqual({ display_name: '王主任' });
    // The copy is the file as it was: schema 1, untouched by the migration.
    const copy = new SqliteDatabase(opened.preMigrationCopy!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'residents'").get()).toEqual({ n: 0 });
    copy.close();
    await opened.db.destroy();
  });

  it('each migration applies in order on a fresh file, and a current file is not copied again', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'linli.sqlite');
    const first = await openDatabase(file, { backupFolder: path.join(dir, 'backups') });
    const applied = (first.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    expect(applied).toEqual(Object.keys(migrations));
    await first.db.destroy();
    const again = await openDatabase(file, { backupFolder: path.join(dir, 'backups') });
    expect(again.preMigrationCopy).toBeNull();
    await again.db.destroy();
  });
});

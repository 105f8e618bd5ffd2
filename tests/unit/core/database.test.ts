import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { openDatabase, LINLI_APPLICATION_ID } from '../../../src/main/core/db/connection';
import { latestSchemaVersion, migrations } from '../../../src/main/core/db/migrations';
import { createCore } from '../../../src/main/core/app';
import { AppError } from '../../../src/shared/errors';
import { noPdf, openTestHall, tempDir } from '../support/core';

async function refusal(file: string): Promise<AppError> {
  try {
    await openDatabase(file, { backupFolder: path.join(path.dirname(file), 'backups') });
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected the file to be refused');
}

describe('opening the file', () => {
  it('creates a new file with the pragmas a ledger needs', async () => {
    const dir = tempDir();
    const opened = await openDatabase(path.join(dir, 'a', 'linli.sqlite'), { backupFolder: path.join(dir, 'b') });
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(opened.sqlite.pragma('cache_size', { simple: true })).toBe(-65536);
    expect(opened.sqlite.pragma('application_id', { simple: true })).toBe(LINLI_APPLICATION_ID);
    expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    await opened.db.destroy();
  });

  it('migration names are zero-padded and sorted, so they apply in order', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    for (const n of names) expect(n).toMatch(/^\d{4}_[a-z0-9_]+$/);
  });

  it('refuses garbage, names the problem and leaves the file untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'linli.sqlite');
    fs.writeFileSync(file, Buffer.from('this is not a database, just garbage bytes '.repeat(200)));
    const before = fs.readFileSync(file);
    const err = await refusal(file);
    expect(err.code).toBe('db.not_sqlite');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });

  it('refuses a damaged database (garbage over its pages) and leaves it untouched', async () => {
    const hall = await openTestHall();
    for (let i = 0; i < 8; i++)
      await hall.call('users.create', { username: `user${i}`, displayName: `用户${i}`, password: 'Desk-pass-7391', roles: ['clerk'] });
    await hall.close();
    const copy = path.join(hall.dir, 'copy.sqlite');
    fs.copyFileSync(hall.dbPath, copy);
    const bytes = fs.readFileSync(copy);
    // Keep the 100-byte header, overwrite the rest of the first pages.
    bytes.fill(0xa5, 100, Math.min(bytes.length, 16_384));
    fs.writeFileSync(copy, bytes);
    const err = await refusal(copy);
    expect(['db.corrupt']).toContain(err.code);
    expect(fs.readFileSync(copy).equals(bytes)).toBe(true);
  });

  it('refuses a database from a newer Linli and does not touch it', async () => {
    const hall = await openTestHall();
    await hall.close();
    const raw = new SqliteDatabase(hall.dbPath);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    raw.close();
    const before = fs.readFileSync(hall.dbPath);
    const err = await refusal(hall.dbPath);
    expect(err.code).toBe('db.newer_version');
    expect(err.params).toMatchObject({ fileVersion: latestSchemaVersion + 1, appVersion: latestSchemaVersion });
    expect(fs.readFileSync(hall.dbPath).equals(before)).toBe(true);
  });

  it('refuses another program’s SQLite file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'other.sqlite');
    const raw = new SqliteDatabase(file);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    expect((await refusal(file)).code).toBe('db.not_linli');
  });

  it('reports a database locked by another writer as busy, and loses nothing', async () => {
    const hall = await openTestHall();
    const other = new SqliteDatabase(hall.dbPath);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN EXCLUSIVE');
    hall.core.services.sqlite.pragma('busy_timeout = 50');
    const err = await hall.fail('users.create', { username: 'blocked', displayName: '阻塞', password: 'Desk-pass-7391', roles: ['clerk'] });
    expect(err.code).toBe('db.busy');
    other.exec('ROLLBACK');
    other.close();
    await hall.call('users.create', { username: 'blocked', displayName: '阻塞', password: 'Desk-pass-7391', roles: ['clerk'] });
    expect((await hall.call('users.list', { includeDisabled: true })).map((u) => u.username)).toContain('blocked');
    await hall.close();
  });

  it('opens an existing file again with its data', async () => {
    const hall = await openTestHall();
    await hall.close();
    const again = await createCore({ databasePath: hall.dbPath, pdf: noPdf });
    const status = await again.call({ method: 'auth.status', input: {} });
    expect(status).toMatchObject({ ok: true, value: { needsSetup: false, communityName: '幸福社区居民委员会' } });
    await again.close();
  });
});

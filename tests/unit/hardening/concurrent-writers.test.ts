import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { linli, tempDir } from '../cli/run-cli';
import { ensureBuiltCli, runBuiltCli } from '../support/built-cli';
import { openTestHall } from '../support/core';
import { writeTransaction } from '../../../src/main/core/db/write-transaction';

const adminPassword = 'admin-pass-2026';

describe('two writers on one file', () => {
  beforeAll(() => ensureBuiltCli(), 240_000);

  it('10 simultaneous `linli users add` processes all succeed: each write waits its turn for the lock', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'hall.sqlite');
    expect((await linli(['init', '--db', db, '--community', '幸福社区', '--admin', 'admin'], `${adminPassword}\n`)).code).toBe(0);
    const runs = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        runBuiltCli(['users', 'add', `clerk${i}`, '--role', 'clerk', '--db', db, '--user', 'admin'], `${adminPassword}\nDesk-${i}-password\n`),
      ),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const sqlite = new SqliteDatabase(db, { readonly: true });
    expect((sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(11);
    sqlite.close();
  }, 120_000);

  it('a write that waited longer than it may is refused with db.busy, in words', async () => {
    const hall = await openTestHall();
    const other = new SqliteDatabase(hall.dbPath);
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const refused = writeTransaction(hall.core.services.db, hall.core.services.sqlite, async () => 'written', 300);
      await expect(refused).rejects.toMatchObject({ code: 'db.busy' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      // While it waited, the event loop was free and reads on the same connection went on.
      expect((await hall.call('auth.status', {}, null)).needsSetup).toBe(false);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // Once the other writer is done, the same write goes through.
    expect(await writeTransaction(hall.core.services.db, hall.core.services.sqlite, async () => 'written')).toBe('written');
    await hall.close();
  });

  it('a write that begins while another process writes waits for it and then commits', async () => {
    const hall = await openTestHall();
    const other = new SqliteDatabase(hall.dbPath);
    other.exec('BEGIN IMMEDIATE');
    setTimeout(() => other.exec('COMMIT'), 400);
    const user = await hall.call('users.create', { username: 'waited', displayName: '等待', password: 'Waited-for-2026', roles: ['clerk'] });
    expect(user.username).toBe('waited');
    other.close();
    await hall.close();
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core/app';
import { AppError } from '../../../src/shared/errors';
import { dbArgument, mayRestoreOver, moveAside, restoreInPlace, startupDatabasePath } from '../../../src/main/electron/startup';
import { coreWithUsers, unusedPdf } from './fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-startup-'));
  dirs.push(d);
  return d;
}

describe('which file the app opens', () => {
  it('--db beats LINLI_DB beats the default folder', () => {
    const env = { XDG_CONFIG_HOME: '/home/u/.config', LINLI_DB: '/data/env.sqlite' } as NodeJS.ProcessEnv;
    expect(dbArgument(['electron', '.', '--db', '/data/a.sqlite'])).toBe('/data/a.sqlite');
    expect(dbArgument(['linli', '--db=/data/b.sqlite'])).toBe('/data/b.sqlite');
    expect(dbArgument(['linli', '--db'])).toBeNull();
    expect(startupDatabasePath(['linli', '--db', '/data/a.sqlite'], env)).toBe(path.resolve('/data/a.sqlite'));
    expect(startupDatabasePath(['linli'], env)).toBe(path.resolve('/data/env.sqlite'));
    if (process.platform === 'linux') expect(startupDatabasePath(['linli'], { XDG_CONFIG_HOME: '/home/u/.config' })).toBe('/home/u/.config/Linli/linli.sqlite');
  });

  it('never offers to restore over a file from a newer Linli', () => {
    expect(mayRestoreOver('db.corrupt')).toBe(true);
    expect(mayRestoreOver('db.not_sqlite')).toBe(true);
    expect(mayRestoreOver('db.not_linli')).toBe(true);
    expect(mayRestoreOver('db.newer_version')).toBe(false);
    expect(mayRestoreOver('db.busy')).toBe(false);
  });
});

describe('restoring a backup in place of a file that cannot be opened', () => {
  async function goodBackup(dir: string): Promise<string> {
    const fx = await coreWithUsers();
    const backup = path.join(dir, 'linli-backup.sqlite');
    await fx.core.services.sqlite.backup(backup);
    await fx.close();
    return backup;
  }

  it('moves the broken file (and its WAL) aside untouched, puts the backup in place, and the app opens it', async () => {
    const dir = tempDir();
    const backup = await goodBackup(dir);
    const live = path.join(dir, 'linli.sqlite');
    const garbage = Buffer.from('这不是数据库 — definitely not SQLite\n'.repeat(50));
    fs.writeFileSync(live, garbage);
    fs.writeFileSync(live + '-wal', 'stale wal');

    const refused = await createCore({ databasePath: live, pdf: unusedPdf }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('db.not_sqlite');

    const now = new Date('2026-11-22T08:30:00.123Z');
    const { movedAsideTo } = restoreInPlace(live, backup, now);
    expect(movedAsideTo).toBe(`${live}.broken-2026-11-22T08-30-00-123Z`);
    expect(fs.readFileSync(movedAsideTo).equals(garbage)).toBe(true);
    expect(fs.readFileSync(movedAsideTo + '-wal', 'utf8')).toBe('stale wal');
    expect(fs.existsSync(live + '-wal')).toBe(false);
    expect(fs.readFileSync(live).equals(fs.readFileSync(backup))).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.restoring'))).toEqual([]);

    const core = await createCore({ databasePath: live, pdf: unusedPdf });
    try {
      const status = await core.call({ method: 'auth.status', input: {} });
      expect(status).toMatchObject({ ok: true, value: { needsSetup: false } });
      const login = await core.call({ method: 'auth.login', input: { username: 'clerk', password: 'clerk-password-1' } });
      expect(login.ok).toBe(true);
    } finally {
      await core.close();
    }
  });

  it('refuses a backup that is not a whole Linli file, and leaves the broken file where it was', () => {
    const dir = tempDir();
    const live = path.join(dir, 'linli.sqlite');
    const bad = path.join(dir, 'not-a-backup.sqlite');
    fs.writeFileSync(live, 'broken');
    fs.writeFileSync(bad, 'also broken');
    expect(() => restoreInPlace(live, bad, new Date())).toThrow(expect.objectContaining({ code: 'backups.invalid' }));
    expect(() => restoreInPlace(live, path.join(dir, 'missing.sqlite'), new Date())).toThrow(expect.objectContaining({ code: 'backups.not_found' }));
    expect(() => restoreInPlace(live, live, new Date())).toThrow(expect.objectContaining({ code: 'backups.invalid' }));
    expect(fs.readFileSync(live, 'utf8')).toBe('broken');
    expect(fs.readdirSync(dir).sort()).toEqual(['linli.sqlite', 'not-a-backup.sqlite']);
  });

  it('never overwrites an earlier file moved aside', () => {
    const dir = tempDir();
    const live = path.join(dir, 'linli.sqlite');
    const now = new Date('2026-01-01T00:00:00Z');
    fs.writeFileSync(live, 'first');
    moveAside(live, now);
    fs.writeFileSync(live, 'second');
    expect(() => moveAside(live, now)).toThrow(/already exists/);
    expect(fs.readFileSync(live, 'utf8')).toBe('second');
  });
});

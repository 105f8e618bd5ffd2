import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { backupsToKeep, isoWeek } from '../../../src/main/core/backup/retention';
import { makeBackup, rotate } from '../../../src/main/core/backup/backup';
import { addUser, openTestHall, tempDir } from '../support/core';

describe('backups', () => {
  it('a manual backup is a verified, complete copy and is recorded', async () => {
    const hall = await openTestHall();
    await addUser(hall, 'clerk1', ['clerk']);
    const rec = await hall.call('backups.run', {});
    expect(rec).toMatchObject({ ok: true, kind: 'manual', problem: null, exists: true });
    expect(rec.counts).toMatchObject({ users: 2, audit_log: 4 });
    // One self-contained file: nothing beside it, even after it was opened to be checked.
    expect(fs.existsSync(rec.path + '-wal')).toBe(false);
    expect(fs.existsSync(rec.path + '-shm')).toBe(false);
    const copy = new SqliteDatabase(rec.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(2);
    copy.close();
    const status = await hall.call('backups.status', {});
    expect(status.lastVerified?.id).toBe(rec.id);
    expect(status.lastFailed).toBeNull();
    const audit = await hall.call('audit.list', { limit: 1 });
    expect(audit.entries[0]).toMatchObject({ action: 'backups.made', summary: rec.path });
    await hall.close();
  });

  it('a backup to a chosen folder (a USB stick) lands there', async () => {
    const hall = await openTestHall();
    const stick = tempDir('linli-usb-');
    const rec = await hall.call('backups.run', { folder: stick });
    expect(path.dirname(rec.path)).toBe(stick);
    expect(rec.ok).toBe(true);
    await hall.close();
  });

  it('a backup that cannot be written is recorded as failed, loudly', async () => {
    const hall = await openTestHall();
    const blocker = path.join(hall.dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'a file where the folder should be');
    const rec = await hall.call('backups.run', { folder: blocker });
    expect(rec.ok).toBe(false);
    expect(rec.problem).toBeTruthy();
    const status = await hall.call('backups.status', {});
    expect(status.lastFailed?.id).toBe(rec.id);
    expect((await hall.call('audit.list', { limit: 1 })).entries[0].action).toBe('backups.failed');
    await hall.close();
  });

  it('a backup to a folder that cannot exist fails at once instead of hanging (a path under /proc)', async () => {
    const hall = await openTestHall();
    const rec = await hall.call('backups.run', { folder: '/proc/linli-cannot-make-this' });
    expect(rec.ok).toBe(false);
    expect(rec.problem).toMatch(/ENOENT|EACCES|EPERM|no such file/);
    await hall.close();
  }, 10_000);

  it('restore saves the current file first, brings back the old data and signs everyone out', async () => {
    const hall = await openTestHall();
    const rec = await hall.call('backups.run', {});
    await addUser(hall, 'after-backup', ['clerk']);
    const { savedCurrentAs } = await hall.call('backups.restore', { path: rec.path });
    expect(fs.existsSync(savedCurrentAs)).toBe(true);
    expect((await hall.fail('users.list', {})).code).toBe('auth.no_session');
    const s = await hall.call('auth.login', { username: 'admin', password: 'admin-pass-2026' }, null);
    const users = await hall.call('users.list', { includeDisabled: true }, s.token);
    expect(users.map((u) => u.username)).toEqual(['admin']);
    // The restored file records the restore, and its chain still verifies.
    const trail = await hall.call('audit.list', { limit: 50, action: 'backups.restore' }, s.token);
    expect(trail.total).toBe(1);
    expect((await hall.call('audit.verify', {}, s.token))[0].ok).toBe(true);
    // The file saved before the restore still holds the later account.
    const saved = new SqliteDatabase(savedCurrentAs, { readonly: true });
    expect((saved.prepare("SELECT count(*) AS n FROM users WHERE username = 'after-backup'").get() as { n: number }).n).toBe(1);
    saved.close();
    await hall.close();
  });

  it('refuses to restore a damaged file, and changes nothing', async () => {
    const hall = await openTestHall();
    const bad = path.join(hall.dir, 'bad.sqlite');
    fs.writeFileSync(bad, 'garbage');
    // The backup is named as the damaged file, not the live one ("请从备份恢复" while restoring from one).
    expect(await hall.fail('backups.restore', { path: bad })).toMatchObject({ code: 'backups.damaged', params: { path: bad } });
    expect((await hall.fail('backups.restore', { path: path.join(hall.dir, 'missing.sqlite') })).code).toBe('backups.not_found');
    expect(await hall.call('users.list', { includeDisabled: true })).toHaveLength(1);
    await hall.close();
  });

  it('rotation removes automatic backups outside 7 daily / 4 weekly / 12 monthly', async () => {
    const hall = await openTestHall();
    const start = Date.parse('2026-01-01T04:00:00Z');
    for (let day = 0; day < 120; day += 3) {
      hall.clock.t = start + day * 86_400_000;
      await makeBackup(hall.core.services, 'daily', { id: null, name: 'Linli' });
    }
    await rotate(hall.core.services);
    const files = fs.readdirSync(hall.core.services.paths.backupFolder).filter((f) => f.endsWith('-daily.sqlite'));
    const rows = await hall.call('backups.status', {});
    expect(files.length).toBeLessThan(40);
    expect(files.length).toBeGreaterThanOrEqual(7);
    // Records stay even when files go.
    expect(rows.recent.length).toBe(20);
    await hall.close();
  });
});

describe('retention rule', () => {
  const day = (d: string, h = '10') => ({ id: `${d}-${h}`, date: d, at: `${d}T${h}:00:00Z` });

  it('keeps the newest per day, week and month', () => {
    const items = [];
    for (let i = 1; i <= 28; i++) items.push(day(`2026-02-${String(i).padStart(2, '0')}`), day(`2026-02-${String(i).padStart(2, '0')}`, '08'));
    items.push(day('2025-12-31'), day('2025-11-15'));
    const keep = backupsToKeep(items, { daily: 7, weekly: 4, monthly: 12 });
    for (let i = 22; i <= 28; i++) expect(keep.has(`2026-02-${i}-10`)).toBe(true);
    expect(keep.has('2026-02-28-08')).toBe(false);
    expect(keep.has('2025-12-31-10')).toBe(true);
    expect(keep.has('2025-11-15-10')).toBe(true);
    expect(keep.has('2026-02-03-10')).toBe(false);
  });

  it('ISO weeks cross year ends correctly', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2026-11-22')).toBe('2026-W47');
  });
});

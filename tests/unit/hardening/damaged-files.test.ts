import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { linli } from '../cli/run-cli';
import { addUser, adminPassword, openTestHall } from '../support/core';
import { damageIndexedValue } from '../support/damage';
import { ensureBuiltCli, runBuiltCli } from '../support/built-cli';
import { inspectExisting } from '../../../src/main/core/db/connection';
import { makeBackup } from '../../../src/main/core/backup/backup';

/** A hall with a verified backup, closed, then damaged where only a full integrity check looks. */
async function damagedHall() {
  const hall = await openTestHall();
  await addUser(hall, 'clerk7', ['clerk']);
  const backup = await hall.call('backups.run', {});
  await hall.close();
  damageIndexedValue(hall.dbPath, 'users', 'clerk7', 'clerkX');
  return { ...hall, backup };
}

describe('a damaged file is caught before anything writes to it', () => {
  it('100 bytes changed inside a table pass quick_check, and the opening check refuses the file', async () => {
    const hall = await damagedHall();
    const ro = new SqliteDatabase(hall.dbPath, { readonly: true });
    expect(ro.pragma('quick_check', { simple: true })).toBe('ok');
    ro.close();
    expect(() => inspectExisting(hall.dbPath)).toThrow(expect.objectContaining({ code: 'db.corrupt' }));

    const before = fs.readFileSync(hall.dbPath);
    for (const args of [
      ['users', 'list'],
      ['residents', 'export', '--format', 'csv', '--out', path.join(hall.dir, 'x.csv')],
    ]) {
      const run = await linli([...args, '--db', hall.dbPath, '--user', 'admin'], `${adminPassword}\n`);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(hall.dbPath);
      expect(run.stderr).toContain(hall.backup.path);
    }
    const serve = await linli(['serve', '--db', hall.dbPath]);
    expect(serve.code).toBe(1);
    expect(serve.stderr).toContain(hall.backup.path);
    expect(fs.readFileSync(hall.dbPath).equals(before)).toBe(true);
  });

  it('restore over the damaged file keeps it aside as ….broken-… and goes on', async () => {
    const hall = await damagedHall();
    const damaged = fs.readFileSync(hall.dbPath);
    const run = await linli(['restore', '--db', hall.dbPath, '--from', hall.backup.path, '--user', 'admin', '--json'], `${adminPassword}\n`);
    expect(run.code, run.stderr).toBe(0);
    const kept = JSON.parse(run.stdout).damagedFileKeptAs as string;
    expect(path.basename(kept)).toMatch(/^linli\.sqlite\.broken-/);
    expect(fs.readFileSync(kept).equals(damaged)).toBe(true);
    expect(() => inspectExisting(hall.dbPath)).not.toThrow();
  });
});

describe('backups carry their SHA-256', () => {
  it('recorded in the file and beside the copy; a copy edited afterwards is refused loudly, restored only when accepted', async () => {
    const hall = await openTestHall();
    const rec = await hall.call('backups.run', {});
    expect(rec.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readFileSync(`${rec.path}.sha256`, 'utf8')).toBe(`${rec.sha256}  ${path.basename(rec.path)}\n`);

    // Someone edits a resident's row (here: an account) in the backup: integrity and chains still pass.
    const edit = new SqliteDatabase(rec.path);
    edit.prepare("UPDATE users SET display_name = '冒名' WHERE username = 'admin'").run();
    edit.close();
    const refused = await hall.fail('backups.restore', { path: rec.path });
    expect(refused).toMatchObject({ code: 'backups.checksum_mismatch', params: { path: rec.path } });
    expect((await hall.call('auth.session', {})).user.displayName).toBe('王管理');

    const done = await hall.call('backups.restore', { path: rec.path, acceptUnverified: true });
    expect(done.checksum).toBe('mismatch');
    const admin = await hall.call('auth.login', { username: 'admin', password: adminPassword }, null);
    const audit = await hall.call('audit.list', { limit: 3 }, admin.token);
    expect(JSON.stringify(audit.entries.find((e) => e.action === 'backups.restore'))).toContain('mismatch');
    await hall.close();
  });

  it('a backup it has no record of is refused with a warning; the same copy moved elsewhere is recognised', async () => {
    const hall = await openTestHall();
    const rec = await hall.call('backups.run', {});
    const moved = path.join(hall.dir, 'usb-copy.sqlite');
    fs.copyFileSync(rec.path, moved);
    expect((await hall.call('backups.restore', { path: moved })).checksum).toBe('match');

    const admin = (await hall.call('auth.login', { username: 'admin', password: adminPassword }, null)).token;
    const stranger = path.join(hall.dir, 'stranger.sqlite');
    const src = new SqliteDatabase(hall.dbPath, { readonly: true });
    await src.backup(stranger);
    src.close();
    const s = new SqliteDatabase(stranger);
    s.pragma('journal_mode = DELETE');
    s.close();
    expect((await hall.fail('backups.restore', { path: stranger }, admin)).code).toBe('backups.checksum_unknown');
    await hall.close();
  });
});

describe('files are owner-only', () => {
  it('the database, its backups, their checksum files and exports are created 0600', async () => {
    const hall = await openTestHall();
    const rec = await hall.call('backups.run', {});
    for (const f of [hall.dbPath, `${hall.dbPath}-wal`, rec.path, `${rec.path}.sha256`]) {
      expect((fs.statSync(f).mode & 0o777).toString(8), f).toBe('600');
    }
    await hall.close();
    const out = path.join(hall.dir, 'audit.csv');
    const exported = await linli(['report', 'audit', '--db', hall.dbPath, '--format', 'csv', '--out', out, '--user', 'admin'], `${adminPassword}\n`);
    expect(exported.code, exported.stderr).toBe(0);
    expect((fs.statSync(out).mode & 0o777).toString(8)).toBe('600');
  });

  it('a failed backup copy is not left behind', async () => {
    const hall = await openTestHall();
    const live = hall.core.services.sqlite;
    // The live file's audit chain moves on between copy and check: the copy fails verification.
    const original = live.backup.bind(live);
    live.backup = (async (target: string) => {
      const r = await original(target);
      const copy = new SqliteDatabase(target);
      copy.prepare("UPDATE audit_log SET summary = 'tampered' WHERE seq = 1").run();
      copy.close();
      return r;
    }) as typeof live.backup;
    const rec = await hall.call('backups.run', {});
    expect(rec.ok).toBe(false);
    expect(fs.existsSync(rec.path)).toBe(false);
    expect(fs.readdirSync(path.dirname(rec.path)).filter((n) => n.includes(path.basename(rec.path)))).toEqual([]);
    await hall.close();
  });
});

describe('a full disk', () => {
  beforeAll(() => ensureBuiltCli(), 240_000);

  it('gives the same clear message for sign-in as everywhere, never "cannot rollback"', async () => {
    const hall = await openTestHall();
    await hall.close();
    const fresh = fs.readFileSync(hall.dbPath);
    let full = 0;
    // A file-size limit (ulimit -f, in KiB) makes the WAL's growth fail at different moments of the sign-in.
    for (let kib = 36; kib <= 68; kib += 8) {
      fs.writeFileSync(hall.dbPath, fresh);
      for (const suffix of ['-wal', '-shm']) fs.rmSync(hall.dbPath + suffix, { force: true });
      const run = await runBuiltCliLimited(kib, ['users', 'list', '--db', hall.dbPath, '--user', 'admin'], `${adminPassword}\n`);
      expect(run.stderr).not.toMatch(/cannot rollback|internal error|程序内部错误/);
      if (run.code !== 0) {
        expect(run.stderr).toContain('磁盘已满或无法写入');
        full++;
      }
    }
    expect(full).toBeGreaterThan(0);
  }, 120_000);
});

function runBuiltCliLimited(kib: number, args: string[], stdin: string) {
  return runBuiltCli(args, stdin, {}, ['bash', '-c', `ulimit -f ${kib}; exec "$0" "$@"`]);
}

describe('the scheduled full check', () => {
  it('an automatic backup whose copy fails the integrity check stops further writes, names the good backup, and a restore leads out', async () => {
    const hall = await openTestHall();
    await addUser(hall, 'clerk7', ['clerk']);
    const good = await hall.call('backups.run', {});
    const live = hall.core.services.sqlite;
    // The copy is the live file page for page: damage in it is damage in the live file (here staged in the copy).
    const original = live.backup.bind(live);
    live.backup = (async (target: string) => {
      const r = await original(target);
      damageIndexedValue(target, 'users', 'clerk7', 'clerkX');
      return r;
    }) as typeof live.backup;
    const daily = await makeBackup(hall.core.services, 'daily', { id: null, name: 'Linli' });
    live.backup = original;
    expect(daily.ok).toBe(false);

    const refused = await hall.fail('users.create', { username: 'later', displayName: '后来', password: 'Later-user-2026', roles: ['clerk'] });
    expect(refused).toMatchObject({ code: 'db.damaged_in_use', params: { path: hall.dbPath, backup: good.path } });
    expect(await hall.call('users.list', {})).toHaveLength(2);
    expect((await hall.call('backups.restore', { path: good.path })).checksum).toBe('match');
    const admin = await hall.call('auth.login', { username: 'admin', password: adminPassword }, null);
    expect(
      (await hall.call('users.create', { username: 'later', displayName: '后来', password: 'Later-user-2026', roles: ['clerk'] }, admin.token)).username,
    ).toBe('later');
    await hall.close();
  });
});

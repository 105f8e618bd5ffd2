import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { linli, tempDir } from '../cli/run-cli';
import { builtCli, ensureBuiltCli } from '../support/built-cli';
import { adminPassword, openTestHall } from '../support/core';
import { createCore } from '../../../src/main/core/app';

const running: ChildProcess[] = [];
afterEach(() => {
  for (const c of running.splice(0)) c.kill('SIGKILL');
});

function serve(db: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [builtCli, 'serve', '--db', db, '--port', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
  running.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (/running at/.test(out)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
}

describe('a restore never loses writes to another process', () => {
  beforeAll(() => ensureBuiltCli(), 240_000);

  it('`linli restore` refuses while `linli serve` has the file open, and leaves the file as it was', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'hall.sqlite');
    expect((await linli(['init', '--db', db, '--community', '幸福社区', '--admin', 'admin'], `${adminPassword}\n`)).code).toBe(0);
    const backup = await linli(['backup', '--db', db, '--user', 'admin', '--json'], `${adminPassword}\n`);
    const backupPath = JSON.parse(backup.stdout).path as string;
    const inode = fs.statSync(db).ino;

    const server = await serve(db);
    const refused = await linli(['restore', '--db', db, '--from', backupPath, '--user', 'admin'], `${adminPassword}\n`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('正被另一个邻里程序');
    expect(fs.statSync(db).ino).toBe(inode);

    // Once the server has stopped, the same restore goes through.
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    const done = await linli(['restore', '--db', db, '--from', backupPath, '--user', 'admin'], `${adminPassword}\n`);
    expect(done.code, done.stderr).toBe(0);
  }, 60_000);

  it('a restore in one process is refused while another core has the file open', async () => {
    const hall = await openTestHall();
    const backup = await hall.call('backups.run', {});
    const other = await createCore({ databasePath: hall.dbPath, workstation: 'desk-2' });
    const refused = await hall.fail('backups.restore', { path: backup.path });
    expect(refused.code).toBe('backups.file_in_use');
    // The refusing process keeps working on its file.
    expect((await hall.call('auth.session', {})).user.username).toBe('admin');
    await other.close();
    await hall.close();
  });

  it('a process whose file was replaced under it refuses every further call with a clear message', async () => {
    const hall = await openTestHall();
    const copy = path.join(hall.dir, 'copy.sqlite');
    const src = new SqliteDatabase(hall.dbPath, { readonly: true });
    await src.backup(copy);
    src.close();
    // What an older restore did: a rename over the live file while this process had it open.
    fs.renameSync(copy, hall.dbPath);
    const refused = await hall.fail('users.create', { username: 'lost', displayName: '丢失', password: 'Lost-writes-2026', roles: ['clerk'] });
    expect(refused.code).toBe('db.replaced');
    expect((await hall.fail('auth.status', {}, null)).code).toBe('db.replaced');
    await hall.close();
  });
});

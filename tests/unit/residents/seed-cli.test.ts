import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { linli, tempDir } from '../cli/run-cli';

describe('linli seed and seed --demo', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('seeds an empty file, then refuses to seed it again unless --append', async () => {
    const db = path.join(dir, 'seeded.sqlite');
    const first = await linli(['seed', '--db', db, '--residents', '400', '--seed', 'cli', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, counts: { residents: 400 } });

    const again = await linli(['seed', '--db', db, '--residents', '10']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已有 400 名居民');
    expect(again.stderr).toContain('--append');

    const appended = await linli(['seed', '--db', db, '--residents', '50', '--append', '--seed', 'more']);
    expect(appended.code).toBe(0);
    const sqlite = new SqliteDatabase(db, { readonly: true });
    try {
      expect(sqlite.prepare('SELECT count(*) AS n FROM residents').get()).toEqual({ n: 450 });
      expect(sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'residents.seed'").get()).toEqual({ n: 2 });
    } finally {
      sqlite.close();
    }
  });

  it('refuses a bad --residents, and a run without --db (never the default file), as usage errors', async () => {
    const r = await linli(['seed', '--db', path.join(dir, 'x.sqlite'), '--residents', 'many']);
    expect(r.code).toBe(2);
    const noDb = await linli(['seed', '--residents', '10'], '', { LANG: 'zh_CN.UTF-8', XDG_CONFIG_HOME: dir });
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain('--db');
    expect(fs.existsSync(path.join(dir, 'Linli'))).toBe(false);
  });

  it('--demo creates a new file with an administrator whose password is printed and saved 0600', async () => {
    const db = path.join(dir, 'demo', 'linli.sqlite');
    const r = await linli(['seed', '--demo', '--db', db, '--residents', '300', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { username: string; password: string; credentialsFile: string };
    expect(out.username).toBe('admin');
    expect(out.credentialsFile).toBe(path.join(dir, 'demo', 'demo-credentials.txt'));
    expect(fs.statSync(out.credentialsFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(out.credentialsFile, 'utf8')).toContain(out.password);

    // The password signs in.
    const users = await linli(['users', 'list', '--db', db, '--user', 'admin', '--json'], `${out.password}\n`);
    expect(users.code).toBe(0);

    // An existing file is never seeded: --demo refuses, --if-missing leaves it alone.
    const refused = await linli(['seed', '--demo', '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('已经存在');
    const quiet = await linli(['seed', '--demo', '--if-missing', '--db', db]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { checkCopy } from '../../../src/main/core/backup/verify';
import { linli, tempDir } from './run-cli';

const ADMIN_PW = 'admin-pass-1';
const CLERK_PW = 'clerk-pass-1';

describe('linli CLI against a real file', () => {
  const dir = tempDir();
  const db = path.join(dir, 'linli.sqlite');
  let backupPath = '';
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const r = await linli(['init', '--db', db, '--community', '幸福社区', '--admin', 'admin', '--display-name', '周敏', '--json'], `${ADMIN_PW}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, communityName: '幸福社区', admin: { username: 'admin', displayName: '周敏' } });
  });

  it('refuses a second init', async () => {
    const r = await linli(['init', '--db', db, '--community', '幸福社区', '--admin', 'admin2'], `${ADMIN_PW}\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('已完成初始设置');
  });

  it('adds, lists and disables a user as the signed-in administrator', async () => {
    const add = await linli(
      ['users', 'add', 'zhangsan', '--role', 'clerk', '--display-name', '张三', '--db', db, '--user', 'admin'],
      `${ADMIN_PW}\n${CLERK_PW}\n`,
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('zhangsan');

    const list = await linli(['users', 'list', '--db', db, '--user', 'admin', '--json'], `${ADMIN_PW}\n`);
    expect(list.code).toBe(0);
    const users = JSON.parse(list.stdout) as { username: string; roles: string[]; disabled: boolean }[];
    expect(users.map((u) => u.username).sort()).toEqual(['admin', 'zhangsan']);
    expect(users.find((u) => u.username === 'zhangsan')).toMatchObject({ roles: ['clerk'], disabled: false });

    const table = await linli(['users', 'list', '--db', db, '--user', 'admin'], `${ADMIN_PW}\n`);
    expect(table.stdout).toContain('张三');
    expect(table.stdout).toContain('窗口人员');

    const disable = await linli(['users', 'disable', 'zhangsan', '--db', db, '--user', 'admin'], `${ADMIN_PW}\n`);
    expect(disable.code).toBe(0);
    const after = JSON.parse((await linli(['users', 'list', '--db', db, '--user', 'admin', '--json'], `${ADMIN_PW}\n`)).stdout) as {
      username: string;
      disabled: boolean;
    }[];
    expect(after.find((u) => u.username === 'zhangsan')?.disabled).toBe(true);

    const refused = await linli(['users', 'list', '--db', db, '--user', 'zhangsan'], `${CLERK_PW}\n`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('此账号已停用');
  });

  it('the audit trail names the person behind each CLI write', async () => {
    const sqlite = new SqliteDatabase(db, { readonly: true });
    const rows = sqlite.prepare("SELECT action, actor_name FROM audit_log WHERE action IN ('users.create', 'users.disable') ORDER BY seq").all();
    sqlite.close();
    expect(rows).toEqual([
      { action: 'users.create', actor_name: '周敏' },
      { action: 'users.create', actor_name: '周敏' },
      { action: 'users.disable', actor_name: '周敏' },
    ]);
  });

  it('shows the contract field errors in the user language', async () => {
    const r = await linli(['users', 'add', 'wangwu', '--role', 'clerk', '--db', db, '--user', 'admin'], `${ADMIN_PW}\nshort\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('填写的内容有误');
    expect(r.stderr).toContain('password: 密码至少 10 位');
  });

  it('refuses a clerk what only an administrator may do', async () => {
    await linli(['users', 'enable', 'zhangsan', '--db', db, '--user', 'admin'], `${ADMIN_PW}\n`);
    const r = await linli(['users', 'list', '--db', db, '--user', 'zhangsan'], `${CLERK_PW}\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有此项权限');
    await linli(['users', 'disable', 'zhangsan', '--db', db, '--user', 'admin'], `${ADMIN_PW}\n`);
  });

  it('makes a verified backup and lists it', async () => {
    const r = await linli(['backup', '--db', db, '--user', 'admin', '--json'], `${ADMIN_PW}\n`);
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout) as { ok: boolean; path: string; kind: string };
    expect(record).toMatchObject({ ok: true, kind: 'manual' });
    expect(fs.existsSync(record.path)).toBe(true);
    expect(checkCopy(record.path).ok).toBe(true);
    backupPath = record.path;

    const list = await linli(['backup', '--list', '--db', db, '--user', 'admin', '--json'], `${ADMIN_PW}\n`);
    expect(list.code).toBe(0);
    const status = JSON.parse(list.stdout) as { lastVerified: { path: string }; recent: { path: string }[] };
    expect(status.lastVerified.path).toBe(backupPath);
    expect(status.recent.map((b) => b.path)).toContain(backupPath);

    const human = await linli(['backup', '--db', db, '--user', 'admin', '--out', path.join(dir, 'usb')], `${ADMIN_PW}\n`);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('备份完成并已校验');
    expect(fs.readdirSync(path.join(dir, 'usb')).some((f) => f.endsWith('-manual.sqlite'))).toBe(true);
  });

  it('exports the audit report as CSV with a BOM and Chinese headers', async () => {
    const out = path.join(dir, 'out', 'audit.csv');
    const r = await linli(
      ['report', 'audit', '--db', db, '--user', 'admin', '--format', 'csv', '--out', out, '--from', '2000-01-01', '--to', '2099-12-31'],
      `${ADMIN_PW}\n`,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('序号,时间,操作人,工作站,操作,模块,记录,摘要');
    expect(text).toContain('周敏');
  });

  it('exports the audit report as XLSX with the default date range', async () => {
    const out = path.join(dir, 'audit.xlsx');
    const r = await linli(['report', 'audit', '--db', db, '--user', 'admin', '--format', 'xlsx', '--out', out, '--json'], `${ADMIN_PW}\n`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, report: 'audit', format: 'xlsx', out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('审计日志');
    expect(cells).toContain('操作人');
    expect(cells).toContain('周敏');
  });

  it('exports the audit report as PDF', async () => {
    const out = path.join(dir, 'audit.pdf');
    const r = await linli(['report', 'audit', '--db', db, '--user', 'admin', '--format', 'pdf', '--out', out], `${ADMIN_PW}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('审计日志');
  }, 60_000);

  it('refuses an unknown report or format as a usage error', async () => {
    const a = await linli(['report', 'nope', '--db', db, '--user', 'admin', '--format', 'csv', '--out', path.join(dir, 'x.csv')], `${ADMIN_PW}\n`);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('audit');
    const b = await linli(['report', 'audit', '--db', db, '--user', 'admin', '--format', 'odt', '--out', path.join(dir, 'x.odt')], `${ADMIN_PW}\n`);
    expect(b.code).toBe(2);
  });

  it('verifies a healthy file', async () => {
    const r = await linli(['verify', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('完整性检查：通过');
    expect(r.stdout).toContain('审计日志链：正常');
  });

  it('names the first broken audit record of a tampered copy and exits 1', async () => {
    const copy = path.join(dir, 'tampered.sqlite');
    const src = new SqliteDatabase(db, { readonly: true });
    await src.backup(copy);
    src.close();
    const raw = new SqliteDatabase(copy);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET summary = '改过的摘要' WHERE seq = 3").run();
    raw.close();

    const r = await linli(['verify', '--db', copy]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('第 3 条记录处断开');
    expect(r.stderr).toContain('记录内容与其哈希值不符');

    const j = await linli(['verify', '--db', copy, '--json']);
    expect(j.code).toBe(1);
    const report = JSON.parse(j.stdout) as { ok: boolean; chains: { chain: string; firstBroken: { seq: number } }[] };
    expect(report.ok).toBe(false);
    expect(report.chains[0]).toMatchObject({ chain: 'audit', firstBroken: { seq: 3 } });

    const en = await linli(['verify', '--db', copy, '--locale', 'en']);
    expect(en.stderr).toContain('broken at record 3: the content does not match its hash (the record was changed)');
  });

  it('restores from the backup, saving the current file first', async () => {
    // A change after the backup, which the restore takes back.
    await linli(['users', 'add', 'lisi', '--role', 'auditor', '--db', db, '--user', 'admin'], `${ADMIN_PW}\n${CLERK_PW}\n`);
    const r = await linli(['restore', '--db', db, '--from', backupPath, '--user', 'admin', '--json'], `${ADMIN_PW}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { savedCurrentAs: string };
    expect(checkCopy(result.savedCurrentAs).ok).toBe(true);

    const users = JSON.parse((await linli(['users', 'list', '--db', db, '--user', 'admin', '--json'], `${ADMIN_PW}\n`)).stdout) as { username: string }[];
    expect(users.map((u) => u.username).sort()).toEqual(['admin', 'zhangsan']);
    expect((await linli(['verify', '--db', db])).code).toBe(0);

    const sqlite = new SqliteDatabase(db, { readonly: true });
    const last = sqlite.prepare("SELECT actor_name FROM audit_log WHERE action = 'backups.restore'").get();
    sqlite.close();
    expect(last).toEqual({ actor_name: '周敏' });
  });

  it('refuses a restore by someone who may not restore', async () => {
    const restores = () => {
      const sqlite = new SqliteDatabase(db, { readonly: true });
      const n = (sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'backups.restore'").get() as { n: number }).n;
      sqlite.close();
      return n;
    };
    const before = restores();
    await linli(['users', 'enable', 'zhangsan', '--db', db, '--user', 'admin'], `${ADMIN_PW}\n`);
    const r = await linli(['restore', '--db', db, '--from', backupPath, '--user', 'zhangsan'], `${CLERK_PW}\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有此项权限');
    expect(restores()).toBe(before);
  });

  it('gives exit 1 and a clear message for a wrong password', async () => {
    const r = await linli(['backup', '--db', db, '--user', 'admin'], 'not-the-password\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('用户名或密码不正确');
    const en = await linli(['backup', '--db', db, '--user', 'admin'], 'not-the-password\n', { LANG: 'en_US.UTF-8' });
    expect(en.stderr).toContain('Wrong user name or password');
  });

  it('treats command-line mistakes as usage errors (exit 2)', async () => {
    const unknown = await linli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知的命令：frobnicate');
    expect(unknown.stderr).toContain('用法：linli <命令>');

    expect((await linli([])).code).toBe(2);
    const noUser = await linli(['backup', '--db', db]);
    expect(noUser.code).toBe(2);
    expect(noUser.stderr).toContain('--user');
    expect((await linli(['backup', '--db', db, '--bogus'])).code).toBe(2);
    expect((await linli(['serve', '--db', db, '--port', 'eighty'])).code).toBe(2);
    expect((await linli(['users', 'frob', '--db', db, '--user', 'admin'])).code).toBe(2);
    expect((await linli(['users', 'add', 'wangwu', '--role', 'king', '--db', db, '--user', 'admin'], 'x\ny\n')).code).toBe(2);
    const noPassword = await linli(['backup', '--db', db, '--user', 'admin'], '');
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('缺少您的密码');
    const json = await linli(['verify', '--db', db, '--nope', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'cli.usage' } });
  });

  it('prints bilingual help for every command', async () => {
    const top = await linli(['--help']);
    expect(top.code).toBe(0);
    for (const name of ['init', 'serve', 'backup', 'restore', 'verify', 'report', 'users']) {
      const r = await linli([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^用法：linli /);
      expect(r.stdout).toContain('Usage: linli ');
      expect(top.stdout).toContain(`  ${name} `);
    }
    // Each command is listed once in each language's table (a merge once listed charity twice).
    const listed = top.stdout.split('\n').flatMap((line) => /^ {2}([a-z]+) {2,}/.exec(line)?.[1] ?? []);
    expect(listed.length).toBe(2 * new Set(listed).size);
    expect((await linli(['users', '--help'])).stdout).toContain('第二行是新用户的新密码');
    expect((await linli(['help', 'report'])).stdout).toContain('可用的报表：audit');
  });

  it('takes the file from LINLI_DB when --db is absent', async () => {
    const r = await linli(['verify', '--json'], '', { LANG: 'zh_CN.UTF-8', LINLI_DB: db });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).path).toBe(db);
    const missing = await linli(['verify'], '', { LANG: 'zh_CN.UTF-8', LINLI_DB: path.join(dir, 'nothing-here.sqlite') });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到数据文件');
  });

  it('refuses a file that is not a database, names the backup and the restore command, and leaves the file alone', async () => {
    const broken = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(broken, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 131 + 7) % 256)));
    const before = fs.readFileSync(broken);
    for (const argv of [['users', 'list', '--user', 'admin'], ['verify'], ['serve', '--port', '0']]) {
      const r = await linli([...argv, '--db', broken], `${ADMIN_PW}\n`);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`文件 ${broken} 不是数据库文件`);
      expect(r.stderr).toContain('最新的可用备份：' + path.join(dir, 'backups'));
      expect(r.stderr).toContain(`恢复命令：linli restore --db ${broken} --from `);
      expect(r.stderr).toContain('--user admin');
    }
    expect(fs.readFileSync(broken).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('garbage.sqlite'))).toEqual(['garbage.sqlite']);

    const j = await linli(['verify', '--db', broken, '--json']);
    const err = JSON.parse(j.stdout) as { error: { code: string; backup: string; restoreCommand: string } };
    expect(err.error.code).toBe('db.not_sqlite');
    expect(checkCopy(err.error.backup).ok).toBe(true);
  });

  it('refuses a damaged database the same way, and the printed restore command brings it back', async () => {
    const damaged = path.join(dir, 'damaged.sqlite');
    fs.copyFileSync(db, damaged);
    const bytes = fs.readFileSync(damaged);
    bytes.fill(0xa5, 4096 * 2); // every page after the second
    fs.writeFileSync(damaged, bytes);
    const before = fs.readFileSync(damaged);

    const r = await linli(['users', 'list', '--db', damaged, '--user', 'admin'], `${ADMIN_PW}\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`数据库文件 ${damaged} 已损坏`);
    expect(fs.readFileSync(damaged).equals(before)).toBe(true);
    const command = /恢复命令：(.+)/.exec(r.stderr)?.[1] ?? '';
    const [, , ...args] = command.split(' ');
    expect(args.slice(0, 2)).toEqual(['--db', damaged]);

    const restored = await linli(['restore', ...args], `${ADMIN_PW}\n`);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const kept = fs.readdirSync(dir).find((f) => f.startsWith('damaged.sqlite.broken-'));
    expect(kept).toBeDefined();
    expect(fs.readFileSync(path.join(dir, kept!)).equals(before)).toBe(true);
    expect((await linli(['verify', '--db', damaged])).code).toBe(0);
    expect((await linli(['users', 'list', '--db', damaged, '--user', 'admin'], `${ADMIN_PW}\n`)).code).toBe(0);
    const sqlite = new SqliteDatabase(damaged, { readonly: true });
    const audit = sqlite.prepare("SELECT actor_name, summary FROM audit_log WHERE action = 'backups.restore' ORDER BY seq DESC").get();
    sqlite.close();
    expect(audit).toEqual({ actor_name: '周敏', summary: args[3] });
  });

  it('will not restore over a damaged file for someone who cannot sign in to the backup', async () => {
    const damaged = path.join(dir, 'damaged2.sqlite');
    fs.writeFileSync(damaged, 'not a database at all');
    const r = await linli(['restore', '--db', damaged, '--from', backupPath, '--user', 'admin'], 'wrong-password\n');
    expect(r.code).toBe(1);
    expect(fs.readFileSync(damaged, 'utf8')).toBe('not a database at all');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.linli-cli-restore') || f.startsWith('damaged2.sqlite.broken'))).toEqual([]);
  });

  it('refuses a file from a newer Linli and leaves it unchanged', async () => {
    const newer = path.join(dir, 'newer.sqlite');
    const src = new SqliteDatabase(db, { readonly: true });
    await src.backup(newer);
    src.close();
    const raw = new SqliteDatabase(newer);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('user_version = 999');
    raw.close();
    const before = fs.readFileSync(newer);
    for (const argv of [['users', 'list', '--user', 'admin'], ['verify'], ['restore', '--from', backupPath, '--user', 'admin']]) {
      const r = await linli([...argv, '--db', newer], `${ADMIN_PW}\n`);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('数据文件由更新版本的邻里创建（数据版本 999');
      expect(r.stderr).not.toContain('恢复命令');
    }
    expect(fs.readFileSync(newer).equals(before)).toBe(true);
  });
});

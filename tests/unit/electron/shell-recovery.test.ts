import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, until, type FakeElectron } from './fake-electron';
import { APP_PAGE, coreWithUsers } from './fixtures';

// Start-up with a file that cannot be opened: the real index.ts on a fake Electron, the user's clicks
// scripted. The broken file is never deleted or changed; a newer Linli's file is never replaced.

const RESTORE = '从备份恢复…';
const OPEN_OTHER = '打开其他数据文件…';
const QUIT = '退出';

const argv = process.argv;
const dirs: string[] = [];
afterEach(() => {
  process.argv = argv;
});
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function startShell(databasePath: string, script: (e: FakeElectron) => void): Promise<FakeElectron> {
  // A fresh module graph and a fresh fake per start; the user's clicks are scripted before start() asks.
  vi.resetModules();
  process.argv = [...argv, '--db', databasePath];
  const e = createFakeElectron();
  script(e);
  vi.doMock('electron', () => e.electron);
  await import('../../../src/main/electron/index');
  return e;
}

async function goodBackup(dir: string): Promise<string> {
  const fx = await coreWithUsers();
  const backup = path.join(dir, 'backups', 'linli-good.sqlite');
  fs.mkdirSync(path.dirname(backup), { recursive: true });
  await fx.core.services.sqlite.backup(backup);
  await fx.close();
  return backup;
}

describe('start-up with a damaged file', () => {
  it('offers restore / open other / quit; refuses a bad backup; restores a good one beside the untouched original', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-recover-'));
    dirs.push(dir);
    const live = path.join(dir, 'linli.sqlite');
    const garbage = Buffer.from('not a database at all\n'.repeat(100));
    fs.writeFileSync(live, garbage);
    const badBackup = path.join(dir, 'bad.sqlite');
    fs.writeFileSync(badBackup, 'also not a database');
    const backup = await goodBackup(dir);

    const e = await startShell(live, (f) => {
      const pick = (label: string) => (o: { buttons: string[] }) => o.buttons.indexOf(label);
      f.script.messageBox.push(pick(RESTORE), pick(RESTORE), () => 0);
      f.script.openDialog.push(badBackup, backup);
    });
    await until(() => e.windows.length === 1, 'the app window after restoring');

    const [first, second, info] = e.shown.messageBoxes;
    expect(first.buttons).toEqual([RESTORE, OPEN_OTHER, QUIT]);
    expect(first.message).toContain('不是数据库文件');
    expect(first.message).toContain(live);
    // The bad backup was refused with the translated reason, and the question asked again.
    expect(e.shown.errorBoxes).toHaveLength(1);
    expect(e.shown.errorBoxes[0].content).toMatch(/^备份文件 .+ 无法使用/);
    expect(second.buttons).toEqual([RESTORE, OPEN_OTHER, QUIT]);
    expect(info.message).toContain('已用备份');

    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('linli.sqlite.broken-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0])).equals(garbage)).toBe(true);
    expect(info.message).toContain(aside[0]);

    const status = (await e.electron.ipcMain.invoke('linli:call', APP_PAGE, { method: 'auth.status', input: {} })) as {
      ok: boolean;
      value: { needsSetup: boolean };
    };
    expect(status).toMatchObject({ ok: true, value: { needsSetup: false } });
    e.app.quit();
    await until(() => e.app.quitCalls >= 2, 'closing');
  });

  it('a file from a newer Linli: only open another file or quit, and the file stays as it was', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-newer-'));
    dirs.push(dir);
    const backup = await goodBackup(dir);
    const live = path.join(dir, 'linli.sqlite');
    fs.copyFileSync(backup, live);
    const db = new SqliteDatabase(live);
    db.pragma('user_version = 9999');
    db.close();
    const before = fs.readFileSync(live);

    const e = await startShell(live, (f) => {
      f.script.messageBox.push((o) => o.buttons.indexOf(QUIT));
    });
    await until(() => e.app.quitCalls >= 1, 'quitting');

    expect(e.shown.messageBoxes).toHaveLength(1);
    expect(e.shown.messageBoxes[0].buttons).toEqual([OPEN_OTHER, QUIT]);
    expect(e.shown.messageBoxes[0].message).toContain('更新版本的邻里');
    expect(e.windows).toHaveLength(0);
    expect(fs.readFileSync(live).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).some((f) => f.includes('.broken-'))).toBe(false);
  });

  it('speaks the language last chosen in the window (kept in userData), before any window opens', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-newer-en-'));
    dirs.push(dir);
    const backup = await goodBackup(dir);
    const live = path.join(dir, 'linli.sqlite');
    fs.copyFileSync(backup, live);
    const db = new SqliteDatabase(live);
    db.pragma('user_version = 9999');
    db.close();

    const e = await startShell(live, (f) => {
      fs.writeFileSync(path.join(f.app.userData, 'language'), 'en');
      f.script.messageBox.push((o) => o.buttons.indexOf('Quit'));
    });
    await until(() => e.app.quitCalls >= 1, 'quitting');

    expect(e.shown.messageBoxes).toHaveLength(1);
    const box = e.shown.messageBoxes[0] as { title: string; buttons: string[]; message: string };
    expect(box.title).toBe('The data file cannot be opened');
    expect(box.buttons).toEqual(['Open Another Data File…', 'Quit']);
    expect(box.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('a file that is not Linli’s: "open another file" opens the chosen one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-other-'));
    dirs.push(dir);
    const foreign = path.join(dir, 'foreign.sqlite');
    const db = new SqliteDatabase(foreign);
    db.exec('CREATE TABLE t (x INTEGER)');
    db.close();
    const fresh = path.join(dir, 'new', 'linli.sqlite');

    const e = await startShell(foreign, (f) => {
      f.script.messageBox.push((o) => o.buttons.indexOf(OPEN_OTHER));
      f.script.openDialog.push(fresh);
    });
    await until(() => e.windows.length === 1, 'the app window on the other file');
    expect(e.shown.messageBoxes[0].message).toContain('不是邻里的数据文件');
    expect(fs.existsSync(fresh)).toBe(true);
    e.app.quit();
    await until(() => e.app.quitCalls >= 2, 'closing');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';
import { FakeEvent, until, type FakeElectron } from './fake-electron';
import { APP_PAGE } from './fixtures';

// The real src/main/electron/index.ts, started against a fake Electron (there is no Electron binary
// here) and a real SQLite file: what it registers, how the window is made, and how it shuts down.

const fake = vi.hoisted(() => ({ current: null as FakeElectron | null }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fake-electron');
  fake.current = createFakeElectron();
  return fake.current.electron;
});

type Reply = { ok: boolean; value?: unknown; error?: { code: string } };

describe('the Electron shell (index.ts) on a fake Electron', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-shell-'));
  const databasePath = path.join(dir, 'hall.sqlite');
  const argv = process.argv;
  let e: FakeElectron;
  const call = (method: string, input: unknown, sessionToken: string | null = null, url: string | null = APP_PAGE) =>
    e.electron.ipcMain.invoke('linli:call', url, { method, input, sessionToken }) as Promise<Reply>;

  beforeAll(async () => {
    process.argv = [...argv, '--db', databasePath];
    await import('../../../src/main/electron/index');
    e = fake.current!;
    await until(() => e.windows.length === 1, 'the app window');
  });
  afterAll(() => {
    process.argv = argv;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers app:// as privileged and turns on the sandbox for every renderer', () => {
    expect(e.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(e.app.sandboxed).toBe(true);
  });

  it('opens the --db file', () => {
    expect(fs.existsSync(databasePath)).toBe(true);
  });

  it('makes one hardened window on app://linli/index.html with the CommonJS preload', () => {
    const [win] = e.windows;
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(String(win.options.webPreferences?.preload)).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(win.loaded).toEqual(['app://linli/index.html']);
  });

  it('binds the contract and the host channels, and refuses other frames', async () => {
    expect([...e.electron.ipcMain.handlers.keys()].sort()).toEqual(['linli:call', 'linli:choose-backup-file', 'linli:choose-folder', 'linli:save-export']);
    expect([...e.electron.ipcMain.listeners.keys()].sort()).toEqual(['linli:set-language', 'linli:set-session']);
    expect(await call('auth.status', {})).toMatchObject({ ok: true, value: { needsSetup: true } });
    expect(await call('auth.status', {}, null, 'file:///tmp/x.html')).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });

  it('serves app:// with the CSP on every answer', async () => {
    const handler = e.defaultSession.protocols.get('app')!;
    expect(handler).toBeTypeOf('function');
    // From the source tree there is no built renderer beside the module: the answer says so, with the CSP.
    const res = await handler(new Request('app://linli/index.html'));
    expect([200, 500]).toContain(res.status);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const other = await handler(new Request('app://evil/index.html'));
    expect(other.status).toBe(404);
    expect(other.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('keeps the window on the app: navigation, new windows, webviews, permissions', () => {
    const contents = e.windows[0].webContents;
    const navigate = (url: string) => {
      const ev = new FakeEvent(url);
      contents.emit('will-navigate', ev);
      return ev.defaultPrevented;
    };
    expect(navigate('app://linli/index.html')).toBe(false);
    expect(navigate('https://www.gov.cn/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('http://127.0.0.1:8080/')).toBe(true);
    expect(e.opened).toEqual(['https://www.gov.cn/']);

    const frame = new FakeEvent('https://evil.example/');
    contents.emit('will-frame-navigate', frame);
    expect(frame.defaultPrevented).toBe(true);
    const webview = new FakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);

    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'mailto:help@example.org' })).toEqual({ action: 'deny' });
    expect(e.opened).toEqual(['https://www.gov.cn/', 'mailto:help@example.org']);

    const answers: boolean[] = [];
    e.defaultSession.permissionRequest?.(contents, 'media', (allowed: boolean) => answers.push(allowed));
    e.defaultSession.permissionRequest?.(contents, 'notifications', (allowed: boolean) => answers.push(allowed));
    expect(answers).toEqual([false, false]);
    expect(e.defaultSession.permissionCheck?.(contents, 'clipboard-read')).toBe(false);
    expect(e.defaultSession.devicePermission?.({})).toBe(false);
  });

  it('sends a session’s events to the window showing it', async () => {
    const setup = await call('auth.setup', {
      community: { communityName: '幸福社区居民委员会', unitName: '幸福社区居民委员会' },
      admin: { username: 'admin', displayName: '管理员', password: 'admin-password-1' },
    });
    expect(setup.ok).toBe(true);
    const token = (setup.value as { token: string }).token;
    const contents = e.windows[0].webContents;
    e.electron.ipcMain.send('linli:set-session', APP_PAGE, token, contents.id);
    const today = new Date().toISOString().slice(0, 10);
    const run = await call('reports.run', { name: 'audit', format: 'csv', params: { from: today, to: today } }, token);
    expect(run).toMatchObject({ ok: true });
    const names = () => contents.sent.map((s) => (s.message as { name: string }).name);
    await until(() => names().includes('job.done') || names().includes('job.failed'), 'a job event');
    expect(names()).toContain('job.done');
    expect(contents.sent.every((s) => s.channel === 'linli:event')).toBe(true);
    expect(JSON.stringify(contents.sent)).not.toContain(token);
  });

  it('has a Chinese menu without developer tools in production', () => {
    const menu = e.menus.at(-1) as { label: string; submenu: { role?: string; label?: string }[] }[];
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const roles = menu.flatMap((m) => m.submenu.map((i) => i.role));
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(roles).toContain('quit');
  });

  it('follows the language chosen in the window: the menu in English, kept for the next start; back to Chinese', () => {
    const labels = () => (e.menus.at(-1) as { label: string }[]).map((m) => m.label);
    const contents = e.windows[0].webContents;
    const kept = path.join(e.app.userData, 'language');
    e.electron.ipcMain.send('linli:set-language', APP_PAGE, 'en', contents.id);
    expect(labels()).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(fs.readFileSync(kept, 'utf8')).toBe('en');
    e.electron.ipcMain.send('linli:set-language', 'https://evil.example/', 'zh-CN', contents.id);
    expect(labels()).toEqual(['File', 'Edit', 'View', 'Help']);
    e.electron.ipcMain.send('linli:set-language', APP_PAGE, 'zh-CN', contents.id);
    expect(labels()).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(fs.readFileSync(kept, 'utf8')).toBe('zh-CN');
  });

  it('prints PDFs in a hidden, sandboxed, offline window without JavaScript', async () => {
    const { createElectronPdfRenderer } = await import('../../../src/main/electron/pdf');
    const pdf = createElectronPdfRenderer();
    const before = e.windows.length;
    const bytes = await pdf.renderPdf({
      html: '<!doctype html><meta charset="utf-8"><h1>居民名册</h1>',
      headerTemplate: '<span></span>',
      footerTemplate: '<span class="pageNumber"></span>',
      landscape: true,
      margins: { top: '25.4mm', right: '12.7mm', bottom: '25.4mm', left: '12.7mm' },
    });
    expect(Buffer.from(bytes).toString('latin1')).toBe('%PDF-1.7 fake');
    const win = e.windows[before];
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      partition: 'linli-print',
    });
    expect(win.options.webPreferences?.preload).toBeUndefined();
    expect(win.isDestroyed()).toBe(true);

    const [printed] = win.webContents.printed;
    expect(printed.html).toContain('居民名册');
    expect(printed.options).toMatchObject({
      pageSize: 'A4',
      landscape: true,
      printBackground: true,
      displayHeaderFooter: true,
      footerTemplate: '<span class="pageNumber"></span>',
    });
    expect(printed.options.margins).toEqual({ top: 1, right: 0.5, bottom: 1, left: 0.5 });

    const ses = e.partitions.get('linli-print')!;
    expect(ses.offline).toBe(true);
    expect(ses.permissionCheck?.()).toBe(false);
    const [pageUrl] = win.loaded;
    expect(win.requestDecisions.get(pageUrl)).toBe(false);
    expect(win.requestDecisions.get('data:image/png;base64,AAAA')).toBe(false);
    expect(win.requestDecisions.get('https://evil.example/track.png')).toBe(true);
    expect(win.requestDecisions.get('file:///etc/passwd')).toBe(true);
    // The temp copy of the page is gone.
    expect(fs.existsSync(fileURLToPath(pageUrl))).toBe(false);
    await pdf.close();
    await expect(pdf.renderPdf({ html: '', headerTemplate: '', footerTemplate: '', landscape: false })).rejects.toThrow(/closed/);
  });

  it('closes the database before quitting, and unbinds', async () => {
    e.app.quit();
    await until(() => e.app.quitCalls >= 2, 'the second quit after closing the core');
    expect(e.electron.ipcMain.handlers.size).toBe(0);
    expect(e.electron.ipcMain.listeners.size).toBe(0);
    // The file is closed: its WAL is checkpointed and removed.
    expect(fs.existsSync(databasePath + '-wal')).toBe(false);
  });
});

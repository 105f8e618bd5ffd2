import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindHostIpc, forwardEvents, safeFileName, WindowSessions, type EventMessage, type HostDialogs } from '../../../src/main/electron/host-ipc';
import {
  CHOOSE_BACKUP_FILE_CHANNEL,
  CHOOSE_FOLDER_CHANNEL,
  SAVE_EXPORT_CHANNEL,
  SET_LANGUAGE_CHANNEL,
  SET_SESSION_CHANNEL,
} from '../../../src/main/electron/host-channels';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../src/main/electron/ipc-binding';
import { isAppUrl } from '../../../src/main/electron/security';
import { APP_PAGE, coreWithUsers, FakeIpcMain, type CoreFixture } from './fixtures';

describe('host channels (save dialog, pickers, sessions, events)', () => {
  let fx: CoreFixture;
  const ipc = new FakeIpcMain();
  const sessions = new WindowSessions();
  const asked: { kind: string; owner: number; name?: string }[] = [];
  let saveAnswer: string | null = null;
  const dialogs: HostDialogs = {
    saveFile: async (owner, name) => (asked.push({ kind: 'save', owner, name }), saveAnswer),
    chooseFolder: async (owner) => (asked.push({ kind: 'folder', owner }), '/media/usb'),
    chooseBackupFile: async (owner) => (asked.push({ kind: 'backup', owner }), null),
  };
  const languages: string[] = [];
  const onLanguage = (locale: string) => void languages.push(locale);
  let unbind: () => void;

  beforeAll(async () => {
    fx = await coreWithUsers();
    unbind = bindHostIpc({ ipcMain: ipc, core: fx.core, isAppUrl, dialogs, sessions, onLanguage });
  });
  afterAll(async () => {
    unbind?.();
    await fx?.close();
  });

  /** A finished export owned by `token`, made through the job runner as reports make them. */
  function storedExport(token: string, fileName: string, text: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const stop = fx.core.services.events.subscribe((event) => {
        if (event.name === 'job.done' && (event.payload as { jobId: string }).jobId === jobId)
          resolve((event.payload as { file: { fileId: string } }).file.fileId);
        else if (event.name === 'job.failed') reject(new Error(JSON.stringify(event.payload)));
        else return;
        stop();
      });
      const jobId = fx.core.services.jobs.start(token, async () => ({ fileName, mimeType: 'text/csv', bytes: new TextEncoder().encode(text) }));
    });
  }

  it('saves an export where the user chose, under its own file name', async () => {
    const fileId = await storedExport(fx.clerkToken, '居民名册.csv', '\ufeff姓名\n张三\n');
    saveAnswer = path.join(fx.dir, 'saved.csv');
    const where = await ipc.invoke(SAVE_EXPORT_CHANNEL, APP_PAGE, { fileId, fileName: '../../evil.sh', sessionToken: fx.clerkToken }, 7);
    expect(where).toBe(saveAnswer);
    expect(fs.readFileSync(saveAnswer, 'utf8')).toBe('\ufeff姓名\n张三\n');
    expect(asked.at(-1)).toEqual({ kind: 'save', owner: 7, name: '居民名册.csv' });
  });

  it('returns null, and writes nothing, when the user cancels', async () => {
    const fileId = await storedExport(fx.clerkToken, 'a.csv', 'x');
    saveAnswer = null;
    expect(await ipc.invoke(SAVE_EXPORT_CHANNEL, APP_PAGE, { fileId, fileName: 'a.csv', sessionToken: fx.clerkToken })).toBeNull();
  });

  it('refuses another session’s export, and an unknown one, loudly (not as a cancel)', async () => {
    const fileId = await storedExport(fx.adminToken, 'audit.csv', 'secret');
    saveAnswer = path.join(fx.dir, 'stolen.csv');
    await expect(ipc.invoke(SAVE_EXPORT_CHANNEL, APP_PAGE, { fileId, fileName: 'audit.csv', sessionToken: fx.clerkToken })).rejects.toThrow(
      /jobs.file_not_found/,
    );
    await expect(ipc.invoke(SAVE_EXPORT_CHANNEL, APP_PAGE, { fileId: 'nope', fileName: 'x', sessionToken: fx.clerkToken })).rejects.toThrow(
      /jobs.file_not_found/,
    );
    await expect(ipc.invoke(SAVE_EXPORT_CHANNEL, APP_PAGE, { fileId: 1 })).rejects.toThrow(/invalid_input/);
    expect(fs.existsSync(saveAnswer)).toBe(false);
  });

  it('refuses every host channel from a frame that is not the app', async () => {
    const before = asked.length;
    for (const url of ['file:///tmp/x.html', 'http://127.0.0.1:1234/', 'app://evil/', null]) {
      await expect(ipc.invoke(SAVE_EXPORT_CHANNEL, url, { fileId: 'x', fileName: 'x', sessionToken: fx.clerkToken })).rejects.toThrow(/auth.forbidden/);
      await expect(ipc.invoke(CHOOSE_FOLDER_CHANNEL, url)).rejects.toThrow(/auth.forbidden/);
      await expect(ipc.invoke(CHOOSE_BACKUP_FILE_CHANNEL, url)).rejects.toThrow(/auth.forbidden/);
      ipc.send(SET_SESSION_CHANNEL, url, fx.adminToken, 99);
      ipc.send(SET_LANGUAGE_CHANNEL, url, 'en', 99);
    }
    expect(asked.length).toBe(before);
    expect(sessions.tokenOf(99)).toBeNull();
    expect(languages).toEqual([]);
  });

  it('passes on the language the user chose, and only the two there are', () => {
    languages.length = 0;
    for (const value of ['en', 'zh-CN', 'fr', '', null, { toString: () => 'en' }, 'EN']) ipc.send(SET_LANGUAGE_CHANNEL, APP_PAGE, value);
    expect(languages).toEqual(['en', 'zh-CN']);
  });

  it('opens the pickers for the window that asked', async () => {
    expect(await ipc.invoke(CHOOSE_FOLDER_CHANNEL, APP_PAGE, undefined, 3)).toBe('/media/usb');
    expect(await ipc.invoke(CHOOSE_BACKUP_FILE_CHANNEL, APP_PAGE, undefined, 3)).toBeNull();
    expect(asked.slice(-2)).toEqual([
      { kind: 'folder', owner: 3 },
      { kind: 'backup', owner: 3 },
    ]);
  });

  it('delivers each event only to the window showing its session; broadcasts to signed-in windows', () => {
    const got: { id: number; channel: string; message: EventMessage }[] = [];
    const stop = forwardEvents(fx.core, sessions, (id, channel, message) => got.push({ id, channel, message }));
    ipc.send(SET_SESSION_CHANNEL, APP_PAGE, fx.clerkToken, 1);
    ipc.send(SET_SESSION_CHANNEL, APP_PAGE, fx.adminToken, 2);
    ipc.send(SET_SESSION_CHANNEL, APP_PAGE, null, 3);

    fx.core.services.events.emit('job.progress', { jobId: 'j1', done: 1, total: 2 }, fx.clerkToken);
    expect(got).toEqual([{ id: 1, channel: EVENT_CHANNEL, message: { name: 'job.progress', payload: { jobId: 'j1', done: 1, total: 2 } } }]);
    // The token itself never travels to the renderer.
    expect(JSON.stringify(got)).not.toContain(fx.clerkToken);

    got.length = 0;
    fx.core.services.events.emit('data.changed', { area: 'residents' });
    expect(got.map((g) => g.id).sort()).toEqual([1, 2]);

    got.length = 0;
    ipc.send(SET_SESSION_CHANNEL, APP_PAGE, null, 1); // signed out
    sessions.forget(2); // window closed
    fx.core.services.events.emit('data.changed', { area: 'residents' });
    fx.core.services.events.emit('job.progress', { jobId: 'j2', done: 1, total: 1 }, fx.clerkToken);
    expect(got).toEqual([]);
    stop();
  });

  it('sends a window only what its user may read, and nothing once the user is disabled', async () => {
    const got: number[] = [];
    const stop = forwardEvents(fx.core, sessions, (id) => got.push(id));
    ipc.send(SET_SESSION_CHANNEL, APP_PAGE, fx.clerkToken, 1);
    ipc.send(SET_SESSION_CHANNEL, APP_PAGE, fx.adminToken, 2);

    // A clerk may not read the audit trail, so is not told it changed.
    fx.core.services.events.emit('data.changed', { area: 'audit' });
    expect(got).toEqual([2]);

    got.length = 0;
    const users = (await fx.core.call({ method: 'users.list', input: {}, sessionToken: fx.adminToken })) as {
      ok: true;
      value: { id: string; username: string }[];
    };
    const clerk = users.value.find((u) => u.username === 'clerk')!;
    expect((await fx.core.call({ method: 'users.setDisabled', input: { userId: clerk.id, disabled: true }, sessionToken: fx.adminToken })).ok).toBe(true);
    got.length = 0;
    fx.core.services.events.emit('data.changed', { area: 'residents' });
    expect(got).toEqual([2]);
    stop();
  });

  it('unbinds every host channel', () => {
    const other = new FakeIpcMain();
    const off = bindHostIpc({ ipcMain: other, core: fx.core, isAppUrl, dialogs, sessions: new WindowSessions(), onLanguage });
    expect([...other.handlers.keys()].sort()).toEqual([CHOOSE_BACKUP_FILE_CHANNEL, CHOOSE_FOLDER_CHANNEL, SAVE_EXPORT_CHANNEL].sort());
    expect([...other.listeners.keys()].sort()).toEqual([SET_LANGUAGE_CHANNEL, SET_SESSION_CHANNEL].sort());
    off();
    expect(other.handlers.size + other.listeners.size).toBe(0);
  });
});

describe('safeFileName', () => {
  it('keeps Chinese names and strips paths and forbidden characters', () => {
    expect(safeFileName('居民名册 2026.xlsx')).toBe('居民名册 2026.xlsx');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Windows\\x.exe')).toBe('x.exe');
    expect(safeFileName('a:b*c?.pdf')).toBe('a_b_c_.pdf');
    expect(safeFileName('..')).toBe('linli-export');
    expect(safeFileName('')).toBe('linli-export');
  });
});

describe('channel names', () => {
  it('are the same strings in the preload as in main', () => {
    const preload = fs.readFileSync(path.resolve('src/preload/index.ts'), 'utf8');
    for (const channel of [
      CALL_CHANNEL,
      EVENT_CHANNEL,
      SET_SESSION_CHANNEL,
      SET_LANGUAGE_CHANNEL,
      SAVE_EXPORT_CHANNEL,
      CHOOSE_FOLDER_CHANNEL,
      CHOOSE_BACKUP_FILE_CHANNEL,
    ]) {
      expect(preload, channel).toContain(`'${channel}'`);
    }
  });
});

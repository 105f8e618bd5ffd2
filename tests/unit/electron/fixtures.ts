import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../../src/main/core/app';
import type { IpcEventLike } from '../../../src/main/electron/ipc-binding';
import type { IpcMainHostLike } from '../../../src/main/electron/host-ipc';

export const APP_PAGE = 'app://linli/index.html';

/** Stands in for Electron's ipcMain: records handlers and listeners, and plays a renderer calling them. */
export class FakeIpcMain implements IpcMainHostLike {
  readonly handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  readonly listeners = new Map<string, ((event: IpcEventLike, ...args: unknown[]) => void)[]>();

  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void {
    // Electron throws on a second handler for one channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  removeAllListeners(channel: string): this {
    this.listeners.delete(channel);
    return this;
  }

  /** ipcRenderer.invoke from a frame at `url` (null: the frame is gone) in the window `senderId`. */
  invoke(channel: string, url: string | null, payload?: unknown, senderId = 1): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler for ${channel}`);
    return handler(event(url, senderId), ...(payload === undefined ? [] : [payload]));
  }
  /** ipcRenderer.send. */
  send(channel: string, url: string | null, payload: unknown, senderId = 1): void {
    for (const l of this.listeners.get(channel) ?? []) l(event(url, senderId), payload);
  }
}

function event(url: string | null, senderId: number): IpcEventLike {
  return { senderFrame: url === null ? null : { url }, sender: { id: senderId } };
}

export interface CoreFixture {
  core: Core;
  dir: string;
  databasePath: string;
  adminToken: string;
  clerkToken: string;
  close(): Promise<void>;
}

export const unusedPdf = {
  renderPdf: async (): Promise<Uint8Array> => {
    throw new Error('unused');
  },
  close: async () => {},
};

function ok<T>(result: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A real Linli file in a temp folder, with an administrator and a clerk signed in. */
export async function coreWithUsers(): Promise<CoreFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-electron-'));
  const databasePath = path.join(dir, 'linli.sqlite');
  const core = await createCore({ databasePath, pdf: unusedPdf });
  const admin = ok<{ token: string }>(
    await core.call({
      method: 'auth.setup',
      input: {
        community: { communityName: '幸福社区居民委员会', unitName: '幸福社区居民委员会' },
        admin: { username: 'admin', displayName: '管理员', password: 'admin-password-1' },
      },
    }),
  );
  ok(
    await core.call({
      method: 'users.create',
      input: { username: 'clerk', displayName: '王窗口', password: 'clerk-password-1', roles: ['clerk'] },
      sessionToken: admin.token,
    }),
  );
  const clerk = ok<{ token: string }>(await core.call({ method: 'auth.login', input: { username: 'clerk', password: 'clerk-password-1' } }));
  return {
    core,
    dir,
    databasePath,
    adminToken: admin.token,
    clerkToken: clerk.token,
    async close() {
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FakeIpcMain } from './fixtures';

// Just enough of Electron's main-process API to run src/main/electron/index.ts under Node (there is no
// Electron binary on the build machines). Tests swap it in with vi.mock('electron', …) and script the
// dialogs; everything else records what the shell asked Electron to do.

type Listener = (...args: unknown[]) => unknown;

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeSession {
  permissionRequest: Listener | null = null;
  permissionCheck: Listener | null = null;
  devicePermission: Listener | null = null;
  readonly protocols = new Map<string, (request: Request) => Promise<Response>>();
  offline = false;
  beforeRequest: Listener | null = null;
  constructor(readonly partition: string) {}
  setPermissionRequestHandler(fn: Listener): void {
    this.permissionRequest = fn;
  }
  setPermissionCheckHandler(fn: Listener): void {
    this.permissionCheck = fn;
  }
  setDevicePermissionHandler(fn: Listener): void {
    this.devicePermission = fn;
  }
  enableNetworkEmulation(opts: { offline: boolean }): void {
    this.offline = opts.offline;
  }
  readonly webRequest = { onBeforeRequest: (fn: Listener) => void (this.beforeRequest = fn) };
  readonly protocol = { handle: (scheme: string, fn: (request: Request) => Promise<Response>) => void this.protocols.set(scheme, fn) };
}

let nextId = 1;
export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; message: unknown }[] = [];
  destroyed = false;
  constructor(readonly session: FakeSession) {
    super();
  }
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = fn;
  }
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }
  readonly printed: { options: Record<string, unknown>; html: string }[] = [];
  loadedHtml = '';
  async printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    this.printed.push({ options, html: this.loadedHtml });
    return Buffer.from('%PDF-1.7 fake');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export function createFakeElectron() {
  const app = new (class extends EventEmitter {
    isPackaged = true;
    sandboxed = false;
    quitCalls = 0;
    exitCode: number | null = null;
    readyBeforeScheme = false;
    enableSandbox() {
      this.sandboxed = true;
    }
    requestSingleInstanceLock() {
      return true;
    }
    whenReady() {
      return Promise.resolve();
    }
    getVersion() {
      return '0.1.0-test';
    }
    /** A userData folder of this fake's own (the shell keeps the chosen language there), made when asked. */
    private userDataDir: string | null = null;
    get userData(): string {
      this.userDataDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'linli-userdata-'));
      return this.userDataDir;
    }
    getPath(name: string) {
      return name === 'userData' ? this.userData : '/tmp';
    }
    quit() {
      this.quitCalls++;
      const event = new FakeEvent();
      this.emit('before-quit', event);
      if (!event.defaultPrevented) this.emit('will-quit', new FakeEvent());
    }
    exit(code = 0) {
      this.exitCode = code;
    }
  })();

  const defaultSession = new FakeSession('');
  const partitions = new Map<string, FakeSession>();
  const allContents = new Map<number, FakeWebContents>();
  const windows: FakeBrowserWindow[] = [];
  const privileged: unknown[] = [];

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents: FakeWebContents;
    readonly loaded: string[] = [];
    destroyed = false;
    constructor(readonly options: { webPreferences?: { partition?: string } & Record<string, unknown> } & Record<string, unknown>) {
      super();
      const partition = options.webPreferences?.partition;
      const ses = partition ? session.fromPartition(partition) : defaultSession;
      this.webContents = new FakeWebContents(ses);
      allContents.set(this.webContents.id, this.webContents);
      windows.push(this);
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    /** What the print session's request filter decided while this page loaded: url → cancelled? */
    readonly requestDecisions = new Map<string, boolean>();
    async loadFile(file: string) {
      const url = pathToFileURL(file).href;
      this.loaded.push(url);
      this.webContents.loadedHtml = fs.readFileSync(file, 'utf8');
      const filter = this.webContents.session.beforeRequest;
      for (const probe of [url, 'https://evil.example/track.png', 'file:///etc/passwd', 'data:image/png;base64,AAAA']) {
        filter?.({ url: probe }, (answer: { cancel: boolean }) => this.requestDecisions.set(probe, answer.cancel));
      }
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    show() {}
    destroy() {
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.webContents.emit('destroyed');
      this.emit('closed');
    }
    isDestroyed() {
      return this.destroyed;
    }
    static fromWebContents(contents: FakeWebContents) {
      return windows.find((w) => w.webContents === contents) ?? null;
    }
  }

  const session = {
    get defaultSession() {
      return defaultSession;
    },
    fromPartition(partition: string) {
      if (!partitions.has(partition)) partitions.set(partition, new FakeSession(partition));
      return partitions.get(partition)!;
    },
  };

  /** Scripted answers, first in first out; a test pushes what the "user" clicks. */
  const script = {
    messageBox: [] as ((opts: { buttons: string[]; message: string }) => number)[],
    openDialog: [] as (string | null)[],
    saveDialog: [] as (string | null)[],
  };
  const shown = { messageBoxes: [] as { buttons?: string[]; message: string; type?: string }[], errorBoxes: [] as { title: string; content: string }[] };
  const dialog = {
    async showMessageBox(...args: unknown[]) {
      const opts = args[args.length - 1] as { buttons: string[]; message: string; type?: string };
      shown.messageBoxes.push(opts);
      const answer = script.messageBox.shift();
      return { response: answer ? answer(opts) : 0, checkboxChecked: false };
    },
    showErrorBox(title: string, content: string) {
      shown.errorBoxes.push({ title, content });
    },
    async showOpenDialog() {
      const answer = script.openDialog.shift() ?? null;
      return { canceled: answer === null, filePaths: answer ? [answer] : [] };
    },
    async showSaveDialog() {
      const answer = script.saveDialog.shift() ?? null;
      return { canceled: answer === null, filePath: answer ?? '' };
    },
  };

  const menus: unknown[] = [];
  const opened: string[] = [];
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    dialog,
    ipcMain: new FakeIpcMain(),
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => void menus.push(menu),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void privileged.push(...schemes),
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => defaultSession.protocol.handle(scheme, fn),
    },
    session,
    shell: {
      openExternal: async (url: string) => void opened.push(url),
      showItemInFolder: () => {},
      openPath: async () => '',
    },
    webContents: { fromId: (id: number) => allContents.get(id) },
  };
  return { electron, app, windows, defaultSession, partitions, privileged, script, shown, menus, opened, allContents };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Waits until `check` is true (the shell starts asynchronously). */
export async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

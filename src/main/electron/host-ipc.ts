import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core/app';
import type { PushEvent } from '../../shared/contract/events';
import type { Locale } from '../../shared/i18n/translate';
import type { Permission } from '../../shared/permissions';
import { eventFor } from '../core/event-filter';
import { EVENT_CHANNEL, type IpcEventLike, type IpcMainLike } from './ipc-binding';
import { CHOOSE_BACKUP_FILE_CHANNEL, CHOOSE_FOLDER_CHANNEL, SAVE_EXPORT_CHANNEL, SET_LANGUAGE_CHANNEL, SET_SESSION_CHANNEL } from './host-channels';

// The Electron host's own channels (save dialogs, pickers, which session a window shows, the language the
// user chose) and the push of
// core events to windows. Written against small interfaces, not `electron`, so tests drive them with fakes.

/** ipcMain as far as the host channels need it. Electron's ipcMain satisfies it. */
export interface IpcMainHostLike extends IpcMainLike {
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
  removeAllListeners(channel: string): unknown;
}

/** Native dialogs, parented to the window that asked (`ownerId` is its webContents id). Null = cancelled. */
export interface HostDialogs {
  saveFile(ownerId: number, suggestedName: string): Promise<string | null>;
  chooseFolder(ownerId: number): Promise<string | null>;
  chooseBackupFile(ownerId: number): Promise<string | null>;
}

/** Which session each app window (by webContents id) has told main it shows. */
export class WindowSessions {
  private readonly tokens = new Map<number, string | null>();

  set(contentsId: number, token: string | null): void {
    this.tokens.set(contentsId, token);
  }

  forget(contentsId: number): void {
    this.tokens.delete(contentsId);
  }

  tokenOf(contentsId: number): string | null {
    return this.tokens.get(contentsId) ?? null;
  }

  /**
   * Windows that should get this event: signed in with a session that is still valid (`permissionsOf` asks
   * the file, so a disabled user's window hears nothing more), and the event is theirs or about something
   * the user may read — the same rule `linli serve` applies to its event stream.
   */
  recipients(event: PushEvent, permissionsOf: (token: string) => ReadonlySet<Permission> | null): number[] {
    const out: number[] = [];
    for (const [id, token] of this.tokens) {
      if (token === null) continue;
      const permissions = permissionsOf(token);
      if (permissions && eventFor(event, token, permissions)) out.push(id);
    }
    return out;
  }
}

export interface HostIpcDeps {
  ipcMain: IpcMainHostLike;
  core: Core;
  isAppUrl: (url: string) => boolean;
  dialogs: HostDialogs;
  sessions: WindowSessions;
  /** The user chose a language in the window: the shell's menu and dialogs follow. */
  onLanguage: (locale: Locale) => void;
}

function fromApp(event: IpcEventLike, isAppUrl: (url: string) => boolean): boolean {
  return !!event.senderFrame && isAppUrl(event.senderFrame.url);
}

/** Characters no file system takes in a name (control characters among them). */
// eslint-disable-next-line no-control-regex -- control characters are among what a file name may not hold
const UNSAFE_IN_FILE_NAME = /[\u0000-\u001f<>:"/\\|?*]/g;

/** Characters no file system takes, and anything that would make the name a path. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(UNSAFE_IN_FILE_NAME, '_').trim();
  return base === '' || base === '.' || base === '..' ? 'linli-export' : base;
}

/** Binds the host channels; returns a function that unbinds them. Every channel refuses other frames. */
export function bindHostIpc({ ipcMain, core, isAppUrl, dialogs, sessions, onLanguage }: HostIpcDeps): () => void {
  const refuse = (channel: string): never => {
    throw new Error(`auth.forbidden: ${channel} is only accepted from the app window`);
  };

  ipcMain.on(SET_SESSION_CHANNEL, (event, token) => {
    if (!fromApp(event, isAppUrl)) return;
    sessions.set(event.sender.id, typeof token === 'string' && token !== '' ? token : null);
  });

  ipcMain.on(SET_LANGUAGE_CHANNEL, (event, language) => {
    // Only the two languages there are; anything else changes nothing.
    if (!fromApp(event, isAppUrl) || (language !== 'zh-CN' && language !== 'en')) return;
    onLanguage(language);
  });

  ipcMain.handle(SAVE_EXPORT_CHANNEL, async (event, payload) => {
    if (!fromApp(event, isAppUrl)) refuse(SAVE_EXPORT_CHANNEL);
    const { fileId, sessionToken } = (payload ?? {}) as { fileId?: unknown; sessionToken?: unknown };
    if (typeof fileId !== 'string' || typeof sessionToken !== 'string') throw new Error('contract.invalid_input: fileId and sessionToken are needed');
    const stored = core.services.jobs.file(fileId, sessionToken);
    // Not a silent null: null means "the user cancelled", and this export was never saved.
    if (!stored) throw new Error('jobs.file_not_found: the export is no longer available; run it again');
    const target = await dialogs.saveFile(event.sender.id, safeFileName(stored.fileName));
    if (!target) return null;
    await fs.promises.copyFile(stored.path, target);
    return target;
  });

  ipcMain.handle(CHOOSE_FOLDER_CHANNEL, async (event) => {
    if (!fromApp(event, isAppUrl)) refuse(CHOOSE_FOLDER_CHANNEL);
    return dialogs.chooseFolder(event.sender.id);
  });

  ipcMain.handle(CHOOSE_BACKUP_FILE_CHANNEL, async (event) => {
    if (!fromApp(event, isAppUrl)) refuse(CHOOSE_BACKUP_FILE_CHANNEL);
    return dialogs.chooseBackupFile(event.sender.id);
  });

  return () => {
    ipcMain.removeAllListeners(SET_SESSION_CHANNEL);
    ipcMain.removeAllListeners(SET_LANGUAGE_CHANNEL);
    for (const channel of [SAVE_EXPORT_CHANNEL, CHOOSE_FOLDER_CHANNEL, CHOOSE_BACKUP_FILE_CHANNEL]) ipcMain.removeHandler(channel);
  };
}

/** A push event as the preload receives it: the session token stays in main. */
export interface EventMessage {
  name: PushEvent['name'];
  payload: PushEvent['payload'];
}

/** Forwards core events to the windows they belong to. Returns the unsubscribe function. */
export function forwardEvents(core: Core, sessions: WindowSessions, send: (contentsId: number, channel: string, message: EventMessage) => void): () => void {
  return core.services.events.subscribe((event) => {
    for (const id of sessions.recipients(event, (token) => core.sessionPermissions(token)))
      send(id, EVENT_CHANNEL, { name: event.name, payload: event.payload });
  });
}

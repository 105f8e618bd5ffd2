import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { appWebPreferences, isSafeExternalUrl, printWebPreferences } from './security';

// The one place windows are made. Every window, and every webContents Electron creates at all (see
// hardenContents, also hooked to `web-contents-created`), gets the same guards: no navigation away from
// the app, no new windows, no <webview>, no permissions.

const hardenedContents = new WeakSet<WebContents>();
const hardenedSessions = new WeakSet<Session>();

/** Denies every permission request and check (camera, notifications, clipboard reads, HID, …). */
export function hardenSession(ses: Session): void {
  if (hardenedSessions.has(ses)) return;
  hardenedSessions.add(ses);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

function openOutside(url: string): void {
  shell.openExternal(url).catch((err: unknown) => console.error('[linli] could not open', url, err));
}

/** Guards for one webContents. Idempotent, so the factory and the global hook can both call it. */
export function hardenContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  if (hardenedContents.has(contents)) return;
  hardenedContents.add(contents);
  hardenSession(contents.session);

  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // A plain link to a web page or an e-mail address opens outside the app, never inside it.
    if (isSafeExternalUrl(event.url)) openOutside(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openOutside(url);
    return { action: 'deny' };
  });
}

export type WindowSpec =
  | { kind: 'app'; preload: string; devTools: boolean; isAppUrl: (url: string) => boolean; title: string }
  | { kind: 'print'; partition: string; landscape: boolean; isAppUrl: (url: string) => boolean };

/** ONE factory: the app window and the hidden print window differ only in size and in what they may run. */
export function createHardenedWindow(spec: WindowSpec): BrowserWindow {
  const win =
    spec.kind === 'app'
      ? new BrowserWindow({
          title: spec.title,
          width: 1360,
          height: 860,
          minWidth: 1024,
          minHeight: 640,
          show: false,
          backgroundColor: '#f4f7fb',
          webPreferences: appWebPreferences({ preload: spec.preload, devTools: spec.devTools }),
        })
      : new BrowserWindow({
          // A4 at 96 dpi; never shown, never focused.
          width: spec.landscape ? 1123 : 794,
          height: spec.landscape ? 794 : 1123,
          show: false,
          focusable: false,
          skipTaskbar: true,
          webPreferences: printWebPreferences(spec.partition),
        });
  // Same policy for both (the global `web-contents-created` hook may have applied it already). The print
  // window's session has no app:// handler and no network, so even an allowed navigation reaches nothing.
  hardenContents(win.webContents, spec.isAppUrl);
  if (spec.kind === 'app') win.once('ready-to-show', () => win.show());
  return win;
}

import type { WebPreferences } from 'electron';

// The pure half of the window's security: what a window may be, which URLs are the app's own, and which
// links may leave for the system browser. No `electron` at run time here, so tests can check it under Node.

/** The app is served from this origin by ./protocol.ts (a privileged, standard, secure scheme). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'linli';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** The webPreferences of the app window. Every guard on, nothing of Node in the page. */
export function appWebPreferences(opts: { preload: string; devTools: boolean }): WebPreferences {
  return {
    preload: opts.preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    spellcheck: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: opts.devTools,
  };
}

/**
 * The webPreferences of the hidden window that prints reports to PDF: the same guards, no preload, and no
 * JavaScript at all (the report HTML is a static document).
 */
export function printWebPreferences(partition: string): WebPreferences {
  const { preload: _none, ...rest } = appWebPreferences({ preload: '', devTools: false });
  return { ...rest, javascript: false, partition, backgroundThrottling: false };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for a page of the app itself: `app://linli/…`, no user, password or port. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/**
 * The check IPC and navigation use. In development (`electron-vite dev`, never in a packaged app) the
 * renderer comes from the Vite server on loopback; that one origin is accepted as well.
 */
export function appUrlCheck(devServerUrl: string | null): (url: string) => boolean {
  const dev = devServerUrl ? parse(devServerUrl) : null;
  const devOrigin = dev && dev.protocol === 'http:' && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1') ? dev.origin : null;
  if (!devOrigin) return isAppUrl;
  return (url) => isAppUrl(url) || parse(url)?.origin === devOrigin;
}

/** Links that may be handed to the system: web pages over TLS and e-mail addresses, nothing else. */
export function isSafeExternalUrl(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'mailto:') return true;
  return u.protocol === 'https:' && u.hostname !== '' && u.username === '' && u.password === '';
}

import type { RunningServer } from '../../../src/main/server/http-server';

/** A browser's credentials for `linli serve`: the cookie and key a single-use link is exchanged for. */
export interface ServeBrowser {
  origin: string;
  cookie: string;
  key: string;
}

/** Opens a new link the way a browser does (without following the redirect) and keeps what it hands out. */
export async function enter(server: RunningServer, link = server.newLink()): Promise<ServeBrowser> {
  const res = await fetch(link, { redirect: 'manual' });
  if (res.status !== 302) throw new Error(`the link was refused: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const key = new URL(res.headers.get('location')!, link).hash.replace(/^#key=/, '');
  return { origin: new URL(link).origin, cookie, key };
}

/** The headers the app's own page sends with a call. */
export function pageHeaders(b: ServeBrowser, session?: string): Record<string, string> {
  return { 'Content-Type': 'application/json', cookie: b.cookie, 'x-linli-key': b.key, origin: b.origin, ...(session ? { 'x-linli-session': session } : {}) };
}

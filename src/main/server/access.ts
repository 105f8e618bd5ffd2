import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

/**
 * Who may talk to `linli serve`. Three secrets, each with one job:
 * - the link token in the printed address opens the door once: it is exchanged for the two below and is
 *   then spent (a new link is printed on request, never reused);
 * - a cookie, named after the port (`linli_<port>`), lets that browser load the app's files, events and
 *   downloads. Browsers send cookies for 127.0.0.1 to every port, so another local server may see it:
 *   on its own it never lets a call in;
 * - a key, handed to the page in the address's fragment (never sent to any server) and kept in the
 *   page's own storage (per origin, so per port), which every call must carry in `X-Linli-Key`.
 * A page on another port cannot read the key, cannot send the header without a CORS preflight that
 * this server never answers, and its Origin differs: three refusals for one attack.
 */
export class ServeAccess {
  private readonly links = new Set<string>();
  /** cookie value → key, one pair per browser that redeemed a link. */
  private readonly browsers = new Map<string, string>();

  constructor(readonly port: number) {}

  get cookieName(): string {
    return `linli_${this.port}`;
  }

  /** A new single-use link token. */
  issueLink(): string {
    const token = randomBytes(24).toString('base64url');
    this.links.add(digest(token));
    return token;
  }

  /** Spends a link token: the browser's new cookie and key, or null if it is unknown or already used. */
  redeem(token: string): { cookie: string; key: string } | null {
    const d = digest(token);
    if (!this.links.delete(d)) return null;
    const cookie = randomBytes(32).toString('base64url');
    const key = randomBytes(32).toString('base64url');
    this.browsers.set(cookie, key);
    return { cookie, key };
  }

  /** The cookie of a browser that redeemed a link, or null. */
  browserOf(req: http.IncomingMessage): string | null {
    const cookie = parseCookies(req.headers.cookie)[this.cookieName];
    return cookie && this.browsers.has(cookie) ? cookie : null;
  }

  /** The key the call carries is the one handed to this browser. */
  keyMatches(cookie: string, req: http.IncomingMessage): boolean {
    const offered = req.headers['x-linli-key'];
    const key = this.browsers.get(cookie);
    return typeof offered === 'string' && !!key && safeEqual(offered, key);
  }

  setCookieHeader(cookie: string): string {
    return `${this.cookieName}=${cookie}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

/** The request comes from a page of this very server: the Origin a browser sends names our host and port. */
export function sameOrigin(req: http.IncomingMessage, host: string): boolean {
  return req.headers.origin === `http://${host}`;
}

/** Calls are JSON only: a form or text/plain (which a page may send anywhere without asking) is refused. */
export function isJson(req: http.IncomingMessage): boolean {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  return type === 'application/json';
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

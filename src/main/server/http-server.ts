import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/app';
import { AppError, ErrorCodes } from '../../shared/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { contentType, isFile, resolveStatic } from './static-files';

export interface ServeOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** A fixed token for tests; otherwise a new random one per start. */
  token?: string;
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const COOKIE = 'linli_token';
// The same policy as the Electron window: nothing but the app's own origin.
const CSP = CONTENT_SECURITY_POLICY;

/**
 * `linli serve`: the same core behind HTTP on 127.0.0.1 only. Every request needs the start-up token,
 * taken once from the printed URL into an HttpOnly cookie; calls also carry the session token.
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('[linli serve]', err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Only this machine's own names: a page elsewhere cannot rebind a hostname onto us.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'text/plain', 'Misdirected request');
    const url = new URL(req.url ?? '/', `http://${host}`);

    const offered = url.searchParams.get('token');
    if (req.method === 'GET' && offered && safeEqual(offered, token)) {
      res.writeHead(302, { 'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`, Location: '/' });
      return void res.end();
    }
    if (!authorised(req)) return send(res, 401, 'text/plain; charset=utf-8', '401: open Linli with the address that `linli serve` printed (it carries the access token).');

    if (url.pathname === '/api/call' && req.method === 'POST') return apiCall(req, res);
    if (url.pathname === '/api/events' && req.method === 'GET') return events(req, res);
    const file = url.pathname.match(/^\/api\/files\/([\w-]+)$/);
    if (file && req.method === 'GET') return download(res, file[1], String(req.headers['x-linli-session'] ?? url.searchParams.get('session') ?? ''));
    if (req.method === 'GET') return serveStatic(res, url.pathname);
    return send(res, 405, 'text/plain', 'Method not allowed');
  }

  function authorised(req: http.IncomingMessage): boolean {
    const header = req.headers['x-linli-token'];
    if (typeof header === 'string' && safeEqual(header, token)) return true;
    const cookie = parseCookies(req.headers.cookie)[COOKIE];
    return !!cookie && safeEqual(cookie, token);
  }

  async function apiCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body: { method?: unknown; input?: unknown };
    try {
      body = JSON.parse(await readBody(req, maxBody)) as typeof body;
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError(ErrorCodes.invalidInput, 'The request body is not JSON');
      return sendJson(res, { ok: false, error: e.toPayload() });
    }
    const session = req.headers['x-linli-session'];
    const result = await opts.core.call({ method: String(body.method), input: body.input, sessionToken: typeof session === 'string' ? session : null });
    sendJson(res, result);
  }

  function events(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const session = url.searchParams.get('session');
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = opts.core.services.events.subscribe((event) => {
      if (event.sessionToken && event.sessionToken !== session) return;
      res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  }

  function download(res: http.ServerResponse, fileId: string, session: string): void {
    const f = opts.core.services.jobs.file(fileId, session);
    if (!f) return send(res, 404, 'text/plain', 'No such file');
    res.writeHead(200, {
      'Content-Type': f.mimeType,
      'Content-Length': String(f.bytes),
      // RFC 6266/5987: Chinese file names survive in every browser.
      'Content-Disposition': `attachment; filename="${encodeURIComponent(f.fileName)}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(f.path).pipe(res);
  }

  function serveStatic(res: http.ServerResponse, urlPath: string): void {
    let file = resolveStatic(opts.rendererDir, urlPath === '/' ? '/index.html' : urlPath);
    if (file === null) return send(res, 404, 'text/plain', 'Not found');
    // The renderer routes in the page itself: unknown paths get the app.
    if (!isFile(file)) file = path.join(opts.rendererDir, 'index.html');
    if (!isFile(file)) return send(res, 500, 'text/plain; charset=utf-8', 'The renderer is not built: run `npm run build`.');
    res.writeHead(200, { 'Content-Type': contentType(file), 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

function sendJson(res: http.ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new AppError('contract.too_large', 'The request is too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseCookies(header: string | undefined): Record<string, string> {
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

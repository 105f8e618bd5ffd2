import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/app';
import { AppError, ErrorCodes, type Result } from '../../shared/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { contentType, isFile, resolveStatic } from './static-files';
import { isJson, sameOrigin, ServeAccess } from './access';
import { readBody } from './body';
import { eventFor } from '../core/event-filter';

export interface ServeOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  maxBodyBytes?: number;
}

export interface RunningServer {
  /** The first single-use address to open. */
  url: string;
  port: number;
  /** Another single-use address (a second browser, or after the first link was used). */
  newLink(): string;
  close(): Promise<void>;
}

// The same policy as the Electron window: nothing but the app's own origin.
const CSP = CONTENT_SECURITY_POLICY;

/**
 * `linli serve`: the same core behind HTTP on 127.0.0.1 only. The printed address carries a single-use
 * link token; see access.ts for the cookie and key it is exchanged for, and why calls need both.
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const maxBody = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  let access: ServeAccess = new ServeAccess(0);
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
    if (req.method === 'GET' && offered !== null) return redeemLink(req, res, offered);
    const browser = access.browserOf(req);
    if (!browser) return send(res, 401, 'text/plain; charset=utf-8', noAccessText);

    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method not allowed');
      if (!sameOrigin(req, host) || !access.keyMatches(browser, req)) return refuse(res, 403, 'server.forbidden', 'Not a call from this server’s own page');
      if (!isJson(req)) return refuse(res, 415, 'server.json_only', 'Calls are JSON only');
      return apiCall(req, res);
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return events(req, res, url.searchParams.get('session'));
    const file = url.pathname.match(/^\/api\/files\/([\w-]+)$/);
    if (file && req.method === 'GET') return download(res, file[1], url.searchParams.get('session') ?? '');
    if (req.method === 'GET') return serveStatic(res, url.pathname);
    return send(res, 405, 'text/plain', 'Method not allowed');
  }

  /** A link is spent once; the same browser coming back to it (its cookie is good) just goes in. */
  function redeemLink(req: http.IncomingMessage, res: http.ServerResponse, token: string): void {
    const pair = access.redeem(token);
    if (pair) {
      // The key rides in the fragment: browsers never send it to any server, nor in a Referer.
      const location = `/#key=${pair.key}`;
      const headers = { 'Set-Cookie': access.setCookieHeader(pair.cookie), Location: location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
      res.writeHead(302, headers);
      return void res.end();
    }
    if (access.browserOf(req)) {
      res.writeHead(302, { Location: '/', 'Cache-Control': 'no-store' });
      return void res.end();
    }
    send(res, 401, 'text/plain; charset=utf-8', usedLinkText);
  }

  async function apiCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req, maxBody);
    if (!body.ok) return refuse(res, 413, 'contract.too_large', `The request is larger than ${maxBody} bytes`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.text);
    } catch {
      return refuse(res, 400, ErrorCodes.invalidInput, 'The request body is not JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return refuse(res, 400, ErrorCodes.invalidInput, 'The request body must be a JSON object {method, input}');
    }
    const call = parsed as { method?: unknown; input?: unknown };
    const session = req.headers['x-linli-session'];
    const result = await opts.core.call({ method: String(call.method), input: call.input, sessionToken: typeof session === 'string' ? session : null });
    sendJson(res, 200, result);
  }

  /** Events go to signed-in sessions only, and only what the session's user may read. */
  function events(req: http.IncomingMessage, res: http.ServerResponse, session: string | null): void {
    if (!opts.core.sessionPermissions(session)) return send(res, 403, 'text/plain; charset=utf-8', 'Sign in first');
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const stop = () => {
      clearInterval(ping);
      unsubscribe();
      res.end();
    };
    const unsubscribe = opts.core.services.events.subscribe((event) => {
      // A session that has ended (signed out, disabled, restored over) hears nothing more.
      const permissions = opts.core.sessionPermissions(session);
      if (!permissions) return stop();
      if (eventFor(event, session!, permissions)) res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', stop);
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
  access = new ServeAccess(port);
  const newLink = () => `http://127.0.0.1:${port}/?token=${access.issueLink()}`;
  return {
    url: newLink(),
    port,
    newLink,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const noAccessText =
  '401: 请用 linli serve 打印的地址打开邻里（每个地址只能用一次；在运行 linli serve 的终端按回车可得到新地址）。\n' +
  'Open Linli with the address that `linli serve` printed (each address works once; press Enter in its terminal for a new one).';
const usedLinkText =
  '401: 这个地址已经用过。请在运行 linli serve 的终端按回车，得到新的地址。\n' +
  'This address has already been used. Press Enter in the terminal running `linli serve` for a new one.';

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function refuse(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: new AppError(code, message).toPayload() });
}

function sendJson(res: http.ServerResponse, status: number, value: Result<unknown>): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

import fs from 'node:fs';
import { protocol, type Session } from 'electron';
import { appHeaders, resolveAppRequest } from './app-files';
import { APP_SCHEME } from './security';

/**
 * `app://` as a standard, secure scheme: the page gets a real origin (`app://linli`), `'self'` in the CSP
 * means exactly that origin, and fetch works. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serves `app://linli/…` from the built renderer (out/renderer), through the traversal guard, with the
 * CSP header on every answer. Only on the app window's session; the print window's session has none.
 */
export function serveAppProtocol(ses: Session, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const answer = resolveAppRequest(rendererDir, request.url, request.method);
    if (answer.status !== 200) return new Response(answer.text, { status: answer.status, headers: answer.headers });
    try {
      const body = request.method === 'HEAD' ? null : await fs.promises.readFile(answer.file);
      return new Response(body, { status: 200, headers: answer.headers });
    } catch {
      return new Response('Not found', { status: 404, headers: appHeaders('text/plain; charset=utf-8') });
    }
  });
}

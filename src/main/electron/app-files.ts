import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { contentType, isFile, resolveStatic } from '../server/static-files';
import { isAppUrl } from './security';

export type AppFileAnswer =
  { status: 200; file: string; headers: Record<string, string> } | { status: 404 | 405 | 500; text: string; headers: Record<string, string> };

/** Headers on every answer of the app protocol, errors included. */
export function appHeaders(type: string): Record<string, string> {
  return {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/**
 * What `app://linli/<path>` answers, decided without Electron: a file inside the built renderer (through
 * the same traversal guard as `linli serve`), index.html for paths the page routes itself, or an error.
 */
export function resolveAppRequest(rendererDir: string, url: string, method = 'GET'): AppFileAnswer {
  const text = appHeaders('text/plain; charset=utf-8');
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, text: 'Method not allowed', headers: text };
  if (!isAppUrl(url)) return { status: 404, text: 'Not found', headers: text };
  const pathname = new URL(url).pathname;
  let file = resolveStatic(rendererDir, pathname === '/' ? '/index.html' : pathname);
  if (file === null) return { status: 404, text: 'Not found', headers: text };
  if (!isFile(file)) file = path.join(rendererDir, 'index.html');
  if (!isFile(file)) return { status: 500, text: 'The renderer is not built: run `npm run build`.', headers: text };
  return { status: 200, file, headers: appHeaders(contentType(file)) };
}

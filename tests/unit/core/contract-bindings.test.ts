import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startServer, type RunningServer } from '../../../src/main/server/http-server';
import { addUser, openTestHall, type TestHall } from '../support/core';
import { enter, pageHeaders, type ServeBrowser } from '../support/serve-client';

let hall: TestHall;
let server: RunningServer;
let clerk: string;
let rendererDir: string;
let browser: ServeBrowser;

beforeAll(async () => {
  hall = await openTestHall();
  clerk = await addUser(hall, 'clerk1', ['clerk']);
  rendererDir = path.join(hall.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Linli</title>');
  fs.writeFileSync(path.join(hall.dir, 'secret.txt'), 'outside the renderer');
  server = await startServer({ core: hall.core, rendererDir });
  browser = await enter(server);
});
afterAll(async () => {
  await server.close();
  await hall.close();
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/call`, {
    method: 'POST',
    headers: { ...pageHeaders(browser), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: res.headers.get('content-type')?.includes('json') ? await res.json() : null };
}

describe('HTTP binding (linli serve)', () => {
  it('refuses a request without the browser cookie with 401', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/call`, { method: 'POST', body: '{"method":"auth.status"}' });
    expect(res.status).toBe(401);
    const page = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(page.status).toBe(401);
  });

  it('trades the token in the URL for a cookie and then serves the app', async () => {
    const res = await fetch(server.newLink(), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    const page = await fetch(`http://127.0.0.1:${server.port}/`, { headers: { cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>Linli</title>');
  });

  it('refuses a wrong Host header (DNS rebinding)', async () => {
    // fetch will not send a foreign Host header; node:http will, as a rebinding page's browser would.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, path: '/api/call', method: 'POST', headers: { host: 'evil.example', cookie: browser.cookie } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{"method":"auth.status","input":{}}');
    });
    expect(status).toBe(421);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const res = await fetch(`http://127.0.0.1:${server.port}${p}`, { headers: { cookie: browser.cookie } });
      expect(await res.text()).not.toContain('outside the renderer');
    }
  });

  it('answers a public method without a session', async () => {
    const { json } = await post({ method: 'auth.status', input: {} });
    expect(json).toMatchObject({ ok: true, value: { needsSetup: false, communityName: '幸福社区居民委员会' } });
  });

  it('refuses an unknown method', async () => {
    const { json } = await post({ method: 'residents.dropEverything', input: {} });
    expect(json.error.code).toBe('contract.unknown_method');
  });

  it('refuses a body that is not JSON', async () => {
    const { status, json } = await post('{not json', { 'x-linli-session': hall.adminToken });
    expect(status).toBe(400);
    expect(json.error.code).toBe('contract.invalid_input');
  });

  it('refuses malformed input, naming the fields', async () => {
    const { json } = await post({ method: 'users.create', input: { username: 'x', password: 'short', roles: [] } }, { 'x-linli-session': hall.adminToken });
    expect(json.error.code).toBe('contract.invalid_input');
    expect(Object.keys(json.error.fields)).toEqual(expect.arrayContaining(['username', 'password', 'roles', 'displayName']));
    expect(json.error.fields.password).toBe('auth.password_short');
  });

  it('refuses a call without a session', async () => {
    const { json } = await post({ method: 'users.list', input: {} });
    expect(json.error.code).toBe('auth.no_session');
  });

  it('refuses a call with a forged session', async () => {
    const { json } = await post({ method: 'users.list', input: {} }, { 'x-linli-session': 'forged' });
    expect(json.error.code).toBe('auth.no_session');
  });

  it('refuses a call the role does not allow', async () => {
    const { json } = await post({ method: 'users.list', input: {} }, { 'x-linli-session': clerk });
    expect(json.error).toMatchObject({ code: 'auth.forbidden', params: { permission: 'users.manage' } });
  });

  it('lets an administrator through', async () => {
    const { json } = await post({ method: 'users.list', input: {} }, { 'x-linli-session': hall.adminToken });
    expect(json.ok).toBe(true);
    expect(json.value.map((u: { username: string }) => u.username)).toEqual(['admin', 'clerk1']);
  });

  it('listens on the loopback address only', () => {
    expect(server.url.startsWith('http://127.0.0.1:')).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, type RunningServer } from '../../../src/main/server/http-server';
import { addUser, openTestHall, type TestHall } from '../support/core';
import { enter, pageHeaders, type ServeBrowser } from '../support/serve-client';
import { linli, tempDir } from '../cli/run-cli';

let hall: TestHall;
let server: RunningServer;
let browser: ServeBrowser;
let base: string;

beforeAll(async () => {
  hall = await openTestHall();
  const rendererDir = path.join(hall.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Linli</title>');
  server = await startServer({ core: hall.core, rendererDir, maxBodyBytes: 1024 * 1024 });
  browser = await enter(server);
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await hall.close();
});

const status = { method: 'auth.status', input: {} };

describe('linli serve: ways in', () => {
  it('a link works once; the cookie it gives is named after the port and holds neither the link nor the key', async () => {
    const link = server.newLink();
    const first = await fetch(link, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const setCookie = first.headers.get('set-cookie')!;
    expect(setCookie).toMatch(new RegExp(`^linli_${server.port}=`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).not.toContain(new URL(link).searchParams.get('token')!);
    const key = first.headers.get('location')!.replace('/#key=', '');
    expect(setCookie).not.toContain(key);
    // The same link again, from anywhere without that cookie: refused.
    const again = await fetch(link, { redirect: 'manual' });
    expect(again.status).toBe(401);
    // The browser that used it may come back to it.
    const back = await fetch(link, { redirect: 'manual', headers: { cookie: setCookie.split(';')[0] } });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/');
  });

  it('the cookie alone lets no call in: the key header and this server’s Origin are needed too', async () => {
    const post = (headers: Record<string, string>) => fetch(`${base}/api/call`, { method: 'POST', headers, body: JSON.stringify(status) });
    expect((await post({ 'Content-Type': 'application/json', cookie: browser.cookie })).status).toBe(403);
    expect((await post({ 'Content-Type': 'application/json', cookie: browser.cookie, origin: browser.origin })).status).toBe(403);
    expect((await post({ ...pageHeaders(browser), origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await post({ ...pageHeaders(browser), origin: 'null' })).status).toBe(403);
    expect((await post({ ...pageHeaders(browser), 'x-linli-key': 'guessed' })).status).toBe(403);
    expect((await post(pageHeaders(browser))).status).toBe(200);
  });

  it('calls are JSON only: text/plain and form bodies are refused (415)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await fetch(`${base}/api/call`, { method: 'POST', headers: { ...pageHeaders(browser), 'Content-Type': type }, body: JSON.stringify(status) });
      expect(res.status).toBe(415);
      expect((await res.json()).error.code).toBe('server.json_only');
    }
  });

  it('a body of null is a clean 400, and a body over the limit a 413 reply, not a reset', async () => {
    const nul = await fetch(`${base}/api/call`, { method: 'POST', headers: pageHeaders(browser), body: 'null' });
    expect(nul.status).toBe(400);
    expect((await nul.json()).error.code).toBe('contract.invalid_input');
    const huge = await fetch(`${base}/api/call`, { method: 'POST', headers: pageHeaders(browser), body: 'x'.repeat(3 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('contract.too_large');
  });

  it('events go to signed-in sessions only, filtered by what the user may read', async () => {
    const anonymous = await fetch(`${base}/api/events?session=`, { headers: { cookie: browser.cookie } });
    expect(anonymous.status).toBe(403);
    const forged = await fetch(`${base}/api/events?session=forged`, { headers: { cookie: browser.cookie } });
    expect(forged.status).toBe(403);

    const clerk = await addUser(hall, 'clerk1', ['clerk']);
    const abort = new AbortController();
    const res = await fetch(`${base}/api/events?session=${clerk}`, { headers: { cookie: browser.cookie }, signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let seen = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        seen += new TextDecoder().decode(value);
      }
    })().catch(() => {});
    hall.core.services.events.emit('data.changed', { area: 'users' });
    hall.core.services.events.emit('data.changed', { area: 'residents' });
    hall.core.services.events.emit('job.progress', { jobId: 'someone-elses', done: 1, total: 2 }, hall.adminToken);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toContain('"area":"residents"');
    expect(seen).not.toContain('"area":"users"');
    expect(seen).not.toContain('someone-elses');
    abort.abort();
    await reading;
  });
});

describe('linli serve: files it will not take', () => {
  it('refuses a 0-byte file instead of setting it up as a new Linli file, and leaves it as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'empty.sqlite');
    fs.writeFileSync(file, '');
    const run = await linli(['serve', '--db', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('空文件');
    expect(fs.statSync(file).size).toBe(0);
  });
});

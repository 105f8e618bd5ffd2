import { test, expect } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLinli, type ServedLinli } from './support/linli-serve';
import { callApi } from './support/api';

/**
 * The attacks of issue #9 on `linli serve`, kept as a test: a page on another local port tries to take over
 * first-run setup with the browser's cookie, and that other server replays the cookie it was sent.
 */
let linli: ServedLinli;
let attacker: http.Server;
let attackerOrigin = '';
const received: { cookie: string | undefined }[] = [];

function attackPage(target: string): string {
  const setup = JSON.stringify({
    method: 'auth.setup',
    input: {
      community: { communityName: '攻击者社区', unitName: '攻击者社区' },
      admin: { username: 'evil', displayName: '攻击者', password: 'Evil-takeover-2026' },
    },
  });
  return `<!doctype html><meta charset="utf-8"><title>attack</title>
<form id="f" method="POST" action="${target}/api/call" enctype="text/plain" target="sink"><input name='${setup.slice(0, -1)}, "x": "' value='"}'></form>
<iframe name="sink"></iframe>
<script>
  const body = ${JSON.stringify(setup)};
  Promise.allSettled([
    fetch('${target}/api/call', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body }),
    fetch('${target}/api/call', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json', 'X-Linli-Key': 'guess' }, body }),
  ]).then(() => { document.getElementById('f').submit(); setTimeout(() => (document.title = 'done'), 1500); });
</script>`;
}

test.beforeAll(async () => {
  linli = await startLinli();
  attacker = http.createServer((req, res) => {
    received.push({ cookie: req.headers.cookie });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(attackPage(linli.origin));
  });
  await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', () => r()));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  attacker?.close();
  await linli?.stop();
});

test('a page on another local port cannot take over first-run setup, and the cookie it is sent opens nothing', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The hall's browser has opened Linli (first-run setup on screen): it holds the cookie.
  await page.goto(linli.url);
  await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();

  // The same browser visits a page on another port of this machine.
  await page.goto(`${attackerOrigin}/`);
  await expect(page).toHaveTitle('done', { timeout: 15_000 });

  // Nobody was set up.
  expect((await callApi<{ needsSetup: boolean }>(linli, 'auth.status', {})).needsSetup).toBe(true);

  // Browsers do send 127.0.0.1's cookies to every port: the other server saw Linli's. Replayed with any
  // headers it likes, and with the printed link, it gets nothing.
  const leaked = received.map((r) => r.cookie ?? '').find((c) => c.includes('linli_')) ?? '';
  expect(leaked).toContain(`linli_${new URL(linli.origin).port}=`);
  const replay = await fetch(`${linli.origin}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', cookie: leaked, origin: linli.origin, 'x-linli-key': 'unknown' },
    body: JSON.stringify({ method: 'auth.status', input: {} }),
  });
  expect(replay.status).toBe(403);
  expect((await fetch(linli.url, { redirect: 'manual' })).status).toBe(401);

  // The hall's own page still works: set up through the screen.
  await page.goto(linli.origin + '/');
  await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
  await context.close();
});

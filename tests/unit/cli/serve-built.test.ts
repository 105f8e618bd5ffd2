import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './run-cli';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = path.join(root, 'out', 'main', 'cli.js');

/** Newest modification time of what goes into out/main/cli.js (the renderer does not). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}
const cliIsCurrent = () =>
  fs.existsSync(cli) && fs.statSync(cli).mtimeMs >= Math.max(newestSource(path.join(root, 'src', 'main')), newestSource(path.join(root, 'src', 'shared')));

/** Resolves with the first stdout line that matches, or rejects when the process ends first. */
function lineMatching(child: ChildProcess, pattern: RegExp, stderr: () => string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      for (const line of seen.split('\n')) {
        const m = pattern.exec(line);
        if (m) return resolve(m);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing its URL:\n${seen}\n${stderr()}`)));
  });
}

describe('the built CLI: linli serve', () => {
  const dir = tempDir();
  let child: ChildProcess | null = null;
  afterAll(() => {
    child?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  beforeAll(() => {
    if (cliIsCurrent()) return;
    // The main process is built before the renderer, so cli.js is current even if the renderer fails.
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, encoding: 'utf8' });
    if (!cliIsCurrent()) throw new Error(`electron-vite build did not produce a current out/main/cli.js:\n${build.stdout}\n${build.stderr}`);
  }, 240_000);

  it('prints a single-use URL, gives a new one on Enter, wants cookie + key + Origin, and stops cleanly on SIGTERM', async () => {
    let stderr = '';
    child = spawn(process.execPath, [cli, 'serve', '--db', path.join(dir, 'serve.sqlite'), '--port', '0'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LANG: 'zh_CN.UTF-8' },
    });
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const m = await lineMatching(child, /^Linli is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/, () => stderr);
    const [, link, port] = m;
    const origin = `http://127.0.0.1:${port}`;
    const api = `${origin}/api/call`;
    const body = JSON.stringify({ method: 'auth.status', input: {} });

    const refused = await fetch(api, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    expect(refused.status).toBe(401);

    // The printed URL sets the cookie and hands the page its key; then it is spent.
    const landing = await fetch(link, { redirect: 'manual' });
    expect(landing.status).toBe(302);
    const cookie = (landing.headers.get('set-cookie') ?? '').split(';')[0];
    const key = (landing.headers.get('location') ?? '').replace('/#key=', '');
    const asPage = await fetch(api, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-Linli-Key': key, Origin: origin },
    });
    expect(await asPage.json()).toMatchObject({ ok: true, value: { needsSetup: true } });
    const cookieOnly = await fetch(api, { method: 'POST', body, headers: { 'Content-Type': 'application/json', Cookie: cookie } });
    expect(cookieOnly.status).toBe(403);
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(401);

    // Enter on stdin prints another single-use address.
    const next = lineMatching(child, /^Linli is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=([\w-]+))$/, () => stderr);
    child.stdin!.write('\n');
    const fresh = (await next)[1];
    expect(fresh).not.toBe(link);
    expect((await fetch(fresh, { redirect: 'manual' })).status).toBe(302);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('邻里已停止');
    child = null;
  }, 60_000);
});

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../cli/run-cli';
import { builtCli, ensureBuiltCli, runBuiltCli } from '../support/built-cli';
import { adminPassword } from '../support/core';

let child: ChildProcess | null = null;
afterEach(() => child?.kill('SIGKILL'));

/** What a page does: open the link, keep the cookie and key, call. */
async function caller(link: string) {
  const origin = new URL(link).origin;
  const res = await fetch(link, { redirect: 'manual' });
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const key = res.headers.get('location')!.replace('/#key=', '');
  return async (method: string, input: unknown, session?: string) => {
    const r = await fetch(`${origin}/api/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-linli-key': key, origin, ...(session ? { 'x-linli-session': session } : {}) },
      body: JSON.stringify({ method, input }),
    });
    return (await r.json()) as { ok: boolean; value: unknown };
  };
}

describe('linli serve after a restart (issue #10)', () => {
  beforeAll(() => ensureBuiltCli(), 240_000);

  it('answers a sign-in and a search within 2 s of printing its address, while the start-up backup is verified in a worker', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'hall.sqlite');
    expect((await runBuiltCli(['seed', '--db', db, '--residents', '10000'])).code).toBe(0);
    expect((await runBuiltCli(['init', '--db', db, '--community', '幸福社区', '--admin', 'admin'], `${adminPassword}\n`)).code).toBe(0);

    child = spawn(process.execPath, [builtCli, 'serve', '--db', db], { stdio: ['pipe', 'pipe', 'pipe'] });
    const link = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (d) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
        if (m) resolve(m[0]);
      });
      child!.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    const printedAt = Date.now();
    const call = await caller(link);
    const login = await call('auth.login', { username: 'admin', password: adminPassword });
    expect(login.ok).toBe(true);
    const hits = await call('residents.search', { q: '王' }, (login.value as { token: string }).token);
    expect(hits.ok).toBe(true);
    expect(Date.now() - printedAt).toBeLessThanOrEqual(2000);

    // The start-up backup was under way meanwhile, and finishes verified, with its checksum beside it.
    const backups = path.join(dir, 'backups');
    for (let waited = 0; waited < 30_000 && !(fs.existsSync(backups) && fs.readdirSync(backups).some((n) => n.endsWith('.sha256'))); waited += 200) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(fs.readdirSync(backups).some((n) => /-startup\.sqlite\.sha256$/.test(n))).toBe(true);
  }, 120_000);
});

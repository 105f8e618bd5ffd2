import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const cliPath = path.join(root, 'out', 'main', 'cli.js');

export interface ServedLinli {
  /** The first single-use address `linli serve` printed. */
  url: string;
  /** Another single-use address (Enter on serve's stdin): one per new browser context. */
  newLink(): Promise<string>;
  origin: string;
  dbPath: string;
  dir: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the built `linli serve` on a fresh temporary database and waits for the URL it prints. */
export async function startLinli(opts: { dbPath?: string; env?: Record<string, string> } = {}): Promise<ServedLinli> {
  if (!fs.existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npx electron-vite build\` first (npm test does).`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-'));
  const dbPath = opts.dbPath ?? path.join(dir, 'linli.sqlite');
  // stdin is a pipe: a line on it makes serve print another single-use link (newLink below).
  const env = { ...process.env, ...opts.env };
  const child = spawn(process.execPath, [cliPath, 'serve', '--db', dbPath, '--port', '0'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`linli serve printed no URL in 30 s:\n${out}`)), 30_000);
    const check = () => {
      const m = out.match(/https?:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`linli serve exited with ${code}:\n${out}`)));
  });
  const links = /https?:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/g;
  return {
    url,
    async newLink() {
      const before = out.match(links)?.length ?? 0;
      child.stdin!.write('\n');
      for (let waited = 0; waited < 10_000; waited += 20) {
        const all = out.match(links) ?? [];
        if (all.length > before) return all[all.length - 1];
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`linli serve printed no new link:\n${out}`);
    },
    origin: new URL(url).origin,
    dbPath,
    dir,
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      });
    },
  };
}

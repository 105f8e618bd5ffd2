import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
export const builtCli = path.join(root, 'out', 'main', 'cli.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const newestInput = () => Math.max(newestSource(path.join(root, 'src', 'main')), newestSource(path.join(root, 'src', 'shared')));
const cliIsCurrent = () => fs.existsSync(builtCli) && fs.statSync(builtCli).mtimeMs >= newestInput();

/** Builds out/main/cli.js when a source is newer: tests that start several `linli` processes use the bundle. */
export function ensureBuiltCli(): void {
  if (cliIsCurrent()) return;
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, encoding: 'utf8' });
  if (!cliIsCurrent()) throw new Error(`electron-vite build did not produce a current out/main/cli.js:\n${build.stdout}\n${build.stderr}`);
}

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `linli` in its own process, with `stdin` written to it. */
export function runBuiltCli(args: string[], stdin = '', env: Record<string, string> = {}, wrapper: string[] = []): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    // A wrapper (`bash -c 'ulimit …; exec "$0" "$@"'`) runs first and then becomes node.
    const [command, ...rest] = [...wrapper, process.execPath, builtCli, ...args];
    const child = spawn(command, rest, { env: { ...process.env, LANG: 'zh_CN.UTF-8', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

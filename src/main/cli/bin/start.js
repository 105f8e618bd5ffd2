#!/usr/bin/env node
// `npm start`: builds when out/ is missing or older than src/, then opens the Electron app if its binary
// is installed, otherwise `linli serve` (with the URL printed), so the README's run command works on any
// machine. Arguments (--db FILE, --port N) are passed through; LINLI_DB is honoured by both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `邻里需要 Node 22 或更新版本（当前 ${process.version}）；请通过 npm/npx 运行，以使用随附的 Node 24。\n` +
      `Linli needs Node 22 or newer; run it through npm/npx so the bundled Node 24 is used (this is ${process.version}).\n`,
  );
  process.exit(1);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const out = (...p) => path.join(root, 'out', ...p);
const args = process.argv.slice(2);

if (needsBuild()) {
  process.stderr.write('正在构建邻里… / Building Linli…\n');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (build.status !== 0) {
    process.stderr.write(`构建失败 / The build failed (${build.error?.message ?? `exit ${build.status}`}).\n`);
    process.exit(1);
  }
}

/**
 * Demo data on first run. `npm start -- --demo` asks for it; a plain `npm start` gets it too when the
 * database does not exist yet (`linli seed --demo --if-missing` does nothing to a file that exists).
 * Either way the seed command creates the file with a demo community, an administrator whose generated
 * password it prints and saves in demo-credentials.txt beside the file (mode 0600), and about 3,000
 * residents. An existing database is never seeded: `--demo` on one stops here with the reason.
 */
const demo = takeFlag('--demo');
const seed = spawnSync(process.execPath, [out('main', 'cli.js'), 'seed', '--demo', ...dbArgs(), ...(demo ? [] : ['--if-missing'])], { stdio: 'inherit' });
if (seed.status !== 0) {
  if (seed.error) process.stderr.write(`${seed.error.message}\n`);
  process.exit(seed.status ?? 1);
}

const electron = electronBinary();
if (!electron)
  process.stderr.write(
    '未找到 Electron（或没有图形界面），改为在浏览器中使用：打开下面的地址。\nNo Electron binary (or no display): serving Linli for a browser; open the address below.\n',
  );
const child = electron
  ? spawn(electron, [out('main', 'index.js'), ...args], { stdio: 'inherit', env: withoutRunAsNode(process.env) })
  : spawn(process.execPath, [out('main', 'cli.js'), 'serve', ...args], { stdio: 'inherit' });
// Ctrl+C reaches the child through the terminal; SIGTERM (from a service manager) is passed on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on('error', (err) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});

/** Removes a flag that `npm start` handles itself from what is passed on; true if it was there. */
function takeFlag(flag) {
  const i = args.indexOf(flag);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}

/** `--db FILE` / `--db=FILE` as given (LINLI_DB reaches the child through the environment). */
function dbArgs() {
  const i = args.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (i < 0) return [];
  return args[i] === '--db' ? args.slice(i, i + 2) : [args[i]];
}

/** out/ is missing, or something under src/ changed after out/main/cli.js was built. */
function needsBuild() {
  const built = [out('main', 'cli.js'), out('main', 'index.js'), out('renderer', 'index.html')];
  if (!built.every(existsSync)) return true;
  return newestMtime(path.join(root, 'src')) > statSync(out('main', 'cli.js')).mtimeMs;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The Electron binary that `npm ci` downloaded, or null (not downloaded, or no display to show it on). */
function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  if (!existsSync(binary)) return null;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return null;
  return binary;
}

function withoutRunAsNode(env) {
  const copy = { ...env };
  delete copy.ELECTRON_RUN_AS_NODE;
  return copy;
}

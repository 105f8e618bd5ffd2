#!/usr/bin/env node
// The `linli` command (package.json "bin"): builds the app once if needed, then runs out/main/cli.js.
// Plain JavaScript so that it runs before anything is built.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `邻里需要 Node 22 或更新版本（当前 ${process.version}）；请通过 npm/npx 运行，以使用随附的 Node 24。\n` +
      `Linli needs Node 22 or newer; run it through npm/npx so the bundled Node 24 is used (this is ${process.version}).\n`,
  );
  process.exit(1);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const cli = path.join(root, 'out', 'main', 'cli.js');

if (!existsSync(cli)) {
  process.stderr.write('正在构建邻里（首次运行）… / Building Linli (first run)…\n');
  // The build's own output goes to stderr, so that stdout stays clean for --json.
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (!existsSync(cli)) {
    process.stderr.write(`构建失败 / The build failed (${build.error?.message ?? `exit ${build.status}`}).\n`);
    process.exit(1);
  }
  // The main process builds first: the command line works even when the renderer failed to build.
  if (build.status !== 0) process.stderr.write('注意：界面构建失败，命令行仍可使用。/ Note: the UI failed to build; the command line still works.\n');
}

// cli.js runs the command named in process.argv and sets process.exitCode.
await import(pathToFileURL(cli).href);

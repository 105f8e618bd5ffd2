import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = {
  '@shared': resolve('src/shared'),
  '@core': resolve('src/main/core'),
};

export default defineConfig({
  // Main: the Electron app, plus the CLI (which also runs `linli serve`). Dependencies stay external and
  // load from node_modules, so better-sqlite3's native binary is found at run time; except three that are
  // bundled because loading them file by file is slow, and every import process and thread loads them
  // anew (measured with Node 24: kysely's 300 modules 100 ms against 10 ms bundled, zod 40 against 22,
  // pinyin-pro 40 against 23; an import's process, worker threads and commit process each started about
  // 125 ms sooner).
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: ['kysely', 'zod', 'pinyin-pro'] },
      rollupOptions: {
        input: {
          index: resolve('src/main/electron/index.ts'),
          cli: resolve('src/main/cli/index.ts'),
        },
      },
    },
  },
  // A sandboxed preload cannot load modules: one CommonJS file with everything but `electron` inside.
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
  },
});

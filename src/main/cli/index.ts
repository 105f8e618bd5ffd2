import { fileURLToPath } from 'node:url';
import { main } from './main';
import { processIo } from './io';

// Built to out/main/cli.js; the renderer that `linli serve` hands out is built beside it, in out/renderer.
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));

main(process.argv.slice(2), processIo({ rendererDir })).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);

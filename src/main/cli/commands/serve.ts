import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../context';
import { stringOption } from '../args';
import { CliError, UsageError } from '../errors';
import { openCore } from '../session';
import { startServer, type RunningServer } from '../../server/http-server';
import { LINLI_APPLICATION_ID } from '../../core/db/connection';
import { commandTexts } from '../text';

export const serveCommand: Command = {
  name: 'serve',
  ...commandTexts('serve'),
  options: { port: { type: 'string', short: 'p' } },
  async run(ctx) {
    const port = parsePort(ctx.text.badValue, stringOption(ctx.args.values, 'port'));
    const rendererDir = ctx.io.rendererDir ?? path.resolve('out/renderer');
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) ctx.note(ctx.text.rendererMissing(rendererDir));

    refuseUnknownFile(ctx, ctx.dbPath);
    const core = await openCore(ctx, { mustExist: false });
    let server: RunningServer;
    try {
      server = await startServer({ core, rendererDir, port });
    } catch (err) {
      await core.close();
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliError(ctx.text.portInUse(port), 'cli.port_in_use');
      throw err;
    }
    const stopBackups = core.startBackupSchedule();
    const announce = (url: string) => {
      if (ctx.json) ctx.io.stdout.write(JSON.stringify({ url, port: server.port }) + '\n');
      else ctx.io.stdout.write(`Linli is running at ${url}\n`);
    };
    announce(server.url);
    ctx.note(ctx.text.serveDetails(ctx.dbPath, core.services.paths.backupFolder));
    // Each address opens the door once; Enter on stdin prints another.
    const stopLines = ctx.io.lines?.(() => announce(server.newLink()));

    await untilStopped(ctx.io.signal);
    stopLines?.();
    await stopBackups();
    await server.close();
    await core.close();
    ctx.note(ctx.text.stopped);
    return 0;
  },
};

/**
 * An existing file is never set up implicitly: an empty (0-byte) file, or a SQLite file that is not
 * Linli's, would otherwise become a new Linli file whose first-run setup anyone reaching the page could do.
 */
function refuseUnknownFile(ctx: Parameters<Command['run']>[0], file: string): void {
  if (!fs.existsSync(file)) return;
  const size = fs.statSync(file).size;
  if (size === 0) throw new CliError(ctx.explain({ code: 'db.empty_file', message: `${file} is empty`, params: { path: file } }), 'db.empty_file');
  const header = Buffer.alloc(72);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 72, 0);
  } finally {
    fs.closeSync(fd);
  }
  // Not SQLite at all: opening it gives the usual refusal with the backup to restore.
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return;
  if (header.readUInt32BE(68) !== LINLI_APPLICATION_ID) {
    throw new CliError(ctx.explain({ code: 'db.not_linli', message: `${file} is not a Linli file`, params: { path: file } }), 'db.not_linli');
  }
}

function parsePort(badValue: (name: string, value: string, allowed: string) => string, raw: string | undefined): number {
  if (raw === undefined) return 0;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 65535) throw new UsageError(badValue('port', raw, '0–65535'));
  return n;
}

/** Resolves on SIGINT, SIGTERM or the caller's abort signal, and removes its handlers again. */
function untilStopped(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop);
  });
}

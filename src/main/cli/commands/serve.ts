import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../context';
import { stringOption } from '../args';
import { CliError, UsageError } from '../errors';
import { openCore } from '../session';
import { startServer, type RunningServer } from '../../server/http-server';

export const serveCommand: Command = {
  name: 'serve',
  summary: { 'zh-CN': '在本机浏览器中使用邻里（仅 127.0.0.1）', en: 'run Linli for a browser on this machine (127.0.0.1 only)' },
  help: {
    'zh-CN': `用法：linli serve [--db 文件] [--port 端口]

在 127.0.0.1 上启动邻里，供本机浏览器使用；每次启动生成新的访问令牌，
并在标准输出打印一行：Linli is running at http://127.0.0.1:端口/?token=…
同时启动自动备份（启动时一次，之后每天一次）。按 Ctrl+C（或发送 SIGTERM）停止。
  --port  端口（默认 0：任选一个空闲端口）
  --json  改为输出一行 JSON：{"url","port","token"}
数据文件不存在时会新建，浏览器中将显示首次设置。`,
    en: `Usage: linli serve [--db FILE] [--port N]

Serves Linli on 127.0.0.1 for a browser on this machine, with a new access token at each start, and
prints exactly one line on stdout: "Linli is running at http://127.0.0.1:PORT/?token=…". Automatic
backups run (at start-up, then daily). Stops cleanly on Ctrl+C / SIGTERM. --port 0 (the default) picks a
free port; --json prints {"url","port","token"} instead.`,
  },
  options: { port: { type: 'string', short: 'p' } },
  async run(ctx) {
    const port = parsePort(ctx.text.badValue, stringOption(ctx.args.values, 'port'));
    const rendererDir = ctx.io.rendererDir ?? path.resolve('out/renderer');
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) ctx.note(ctx.text.rendererMissing(rendererDir));

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
    if (ctx.json) ctx.io.stdout.write(JSON.stringify({ url: server.url, port: server.port, token: server.token }) + '\n');
    else ctx.io.stdout.write(`Linli is running at ${server.url}\n`);
    ctx.note(ctx.text.serveDetails(ctx.dbPath, core.services.paths.backupFolder));

    await untilStopped(ctx.io.signal);
    await stopBackups();
    await server.close();
    await core.close();
    ctx.note(ctx.text.stopped);
    return 0;
  },
};

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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { session, type Session } from 'electron';
import type { PdfRenderer, PrintablePage } from '../core/reports/model';
import { printToPdfOptions } from './print-options';
import { isAppUrl } from './security';
import { createHardenedWindow, hardenSession } from './window';

/** An in-memory partition (no `persist:`): nothing of a report outlives it, and it shares nothing with the app. */
const PRINT_PARTITION = 'linli-print';
const LOAD_TIMEOUT_MS = 60_000;
const PRINT_TIMEOUT_MS = 180_000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`PDF: ${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function isInside(folder: string, file: string): boolean {
  const fold = (p: string) => (process.platform === 'win32' ? p.toLowerCase() : p);
  const rel = path.relative(fold(folder), fold(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Reports to PDF with Electron's own Chromium: each page is written to a private temp file, loaded into a
 * hidden, sandboxed window with JavaScript off and no network, printed with `printToPDF`, and the window
 * destroyed. One report at a time, so a year's ledger cannot start ten renderers at once.
 */
export function createElectronPdfRenderer(): PdfRenderer {
  const activeFolders = new Set<string>();
  let prepared: Session | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  function printSession(): Session {
    if (prepared) return prepared;
    const ses = session.fromPartition(PRINT_PARTITION, { cache: false });
    hardenSession(ses);
    ses.enableNetworkEmulation({ offline: true });
    // Only the report's own file and inline data (a seal image) may load; everything else is cancelled.
    ses.webRequest.onBeforeRequest((details, callback) => {
      let allowed = details.url.startsWith('data:');
      if (!allowed && details.url.startsWith('file:')) {
        try {
          const file = fileURLToPath(details.url);
          allowed = [...activeFolders].some((folder) => isInside(folder, file));
        } catch {
          allowed = false;
        }
      }
      callback({ cancel: !allowed });
    });
    prepared = ses;
    return ses;
  }

  async function renderOne(page: PrintablePage): Promise<Uint8Array> {
    printSession();
    const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'linli-print-'));
    const file = path.join(folder, 'report.html');
    activeFolders.add(folder);
    const win = createHardenedWindow({ kind: 'print', partition: PRINT_PARTITION, landscape: page.landscape, isAppUrl });
    try {
      await fs.promises.writeFile(file, page.html, { encoding: 'utf8', mode: 0o600 });
      await withTimeout(win.loadFile(file), LOAD_TIMEOUT_MS, 'loading the report');
      const pdf = await withTimeout(win.webContents.printToPDF(printToPdfOptions(page)), PRINT_TIMEOUT_MS, 'printing');
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      if (!win.isDestroyed()) win.destroy();
      activeFolders.delete(folder);
      await fs.promises.rm(folder, { recursive: true, force: true });
    }
  }

  return {
    renderPdf(page: PrintablePage): Promise<Uint8Array> {
      if (closed) return Promise.reject(new Error('PDF: the renderer is closed'));
      const run = queue.then(() => renderOne(page));
      queue = run.catch(() => undefined);
      return run;
    },
    async close(): Promise<void> {
      closed = true;
      await queue;
    },
  };
}

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { PdfRenderer, PrintablePage } from '../model';
import { PRINT_MARGINS } from './html';

// Flags for a locked-down, offline, container-friendly Chromium: no sandbox (we run
// as an unprivileged user in CI containers), no GPU, no shared-memory /dev/shm
// (often tiny in containers) and no background phoning home.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The system Chromium; playwright-core never downloads a browser of its own here. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * PDF renderer backed by headless Chromium, used by the CLI and tests (the app
 * uses Electron's printToPDF instead). One browser is launched on first use and
 * reused, since launching costs far more than rendering a page.
 */
export function createChromiumPdfRenderer(): PdfRenderer {
  let browser: Promise<Browser> | null = null;

  function getBrowser(): Promise<Browser> {
    if (!browser) {
      const executablePath = chromiumPath();
      if (!existsSync(executablePath)) {
        return Promise.reject(new Error(`Chromium was not found at ${executablePath}; install it or set CHROMIUM_PATH to its executable.`));
      }
      browser = chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true }).then((b) => {
        // A crashed browser must not poison every later render.
        b.on('disconnected', () => {
          browser = null;
        });
        return b;
      });
      browser.catch(() => {
        browser = null;
      });
    }
    return browser;
  }

  return {
    async renderPdf(page: PrintablePage): Promise<Uint8Array> {
      const b = await getBrowser();
      // A fresh context per document: no state (cookies, storage) leaks between reports.
      const context = await b.newContext({ offline: true, javaScriptEnabled: false });
      try {
        const p = await context.newPage();
        await p.setContent(page.html, { waitUntil: 'load' });
        const pdf = await p.pdf(
          page.cssPageBox
            ? { preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false }
            : {
                format: page.paper ?? 'A4',
                landscape: page.landscape,
                printBackground: true,
                displayHeaderFooter: true,
                headerTemplate: page.headerTemplate,
                footerTemplate: page.footerTemplate,
                margin: page.margins ?? PRINT_MARGINS,
              },
        );
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        await context.close();
      }
    },
    async close(): Promise<void> {
      const pending = browser;
      browser = null;
      if (pending) await (await pending.catch(() => null))?.close();
    },
  };
}

import type { DocumentModel } from '../model';
import { bundledWorkerPath } from '../../util/worker-bundle';
import { documentToPdf, type WrittenPdf } from './document-pdf';
import { openFaces } from './faces';

/**
 * A document written by the direct PDF writer, in a worker thread where the app is bundled (seconds of work
 * for a long notice, which would otherwise stall every desk's search meanwhile), else in this thread. Null
 * when the font files are not on this machine: the caller prints with Chromium instead.
 */
export async function writeDocumentPdf(model: DocumentModel): Promise<WrittenPdf | null> {
  const workerPath = await bundledWorkerPath(() => import('./write-worker-path'));
  if (!workerPath) {
    const faces = openFaces();
    return faces ? documentToPdf(model, faces) : null;
  }
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath, { workerData: model });
    worker.once('message', (m: { written?: WrittenPdf | null; error?: string }) => {
      void worker.terminate();
      if (m.error !== undefined) reject(new Error(m.error));
      else resolve(m.written ?? null);
    });
    worker.once('error', reject);
  });
}

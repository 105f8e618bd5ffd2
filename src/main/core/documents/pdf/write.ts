import { AppError } from '../../../../shared/errors';
import type { DocumentModel } from '../model';
import { bundledWorkerPath } from '../../util/worker-bundle';
import type { WrittenPdf } from './document-pdf';
import { openFaces } from './faces';
import { writeCheckedPdf, type WriteReply } from './checked';

/**
 * A document written (and, when public, checked) by the direct PDF writer, in a worker thread where the app is
 * bundled: seconds of work for a long notice, which would otherwise hold every desk's search meanwhile. Else in
 * this thread. Null when the font files are not on this machine: the caller prints with Chromium instead.
 */
export async function writeDocumentPdf(model: DocumentModel): Promise<WrittenPdf | null> {
  const workerPath = await bundledWorkerPath(() => import('./write-worker-path'));
  if (!workerPath) {
    const faces = openFaces();
    return faces ? writeCheckedPdf(model, faces) : null;
  }
  const { Worker } = await import('node:worker_threads');
  const reply = await new Promise<WriteReply>((resolve, reject) => {
    const worker = new Worker(workerPath, { workerData: model });
    worker.once('message', (m: WriteReply) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', reject);
  });
  if ('written' in reply) return reply.written;
  if (reply.app) throw new AppError(reply.error.code, reply.error.message, { params: reply.error.params, fields: reply.error.fields });
  throw new Error(reply.error.message);
}

/**
 * A worker thread of `writeDocumentPdf`: writes one document with the direct PDF writer, checks it when it is
 * public, and posts the file back, so that printing a notice of thousands of rows never holds the thread that
 * answers the desks.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../../shared/errors';
import type { DocumentModel } from '../model';
import { openFaces } from './faces';
import { writeCheckedPdf, type WriteReply } from './checked';

const model = workerData as DocumentModel | null;
if (parentPort && model) {
  const port = parentPort;
  const post = (reply: WriteReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
  const faces = openFaces();
  if (!faces) post({ written: null });
  else
    writeCheckedPdf(model, faces).then(
      (written) => post({ written }, [written.bytes.buffer as ArrayBuffer]),
      (err: unknown) =>
        post(err instanceof AppError ? { error: err.toPayload(), app: true } : { error: { code: 'internal', message: (err as Error).message }, app: false }),
    );
}

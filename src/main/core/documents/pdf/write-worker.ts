/**
 * A worker thread of `writeDocumentPdf`: writes one document with the direct PDF writer and posts the file back,
 * so that printing a notice of thousands of rows never holds the thread that answers the desks.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentModel } from '../model';
import { documentToPdf } from './document-pdf';
import { openFaces } from './faces';

const model = workerData as DocumentModel | null;
if (parentPort && model) {
  const port = parentPort;
  const faces = openFaces();
  if (!faces) port.postMessage({ written: null });
  else
    documentToPdf(model, faces).then(
      (written) => port.postMessage({ written }, [written.bytes.buffer as ArrayBuffer]),
      (err: unknown) => port.postMessage({ error: (err as Error).message }),
    );
}

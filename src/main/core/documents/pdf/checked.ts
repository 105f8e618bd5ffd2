import type { ErrorPayload } from '../../../../shared/errors';
import type { DocumentModel } from '../model';
import { documentText } from '../document-text';
import { scanPublicOutput } from '../public-scan';
import { documentToPdf, type WrittenPdf } from './document-pdf';
import type { Faces } from './faces';

/**
 * Writes the document and, when it is public, checks it as it will be published: the text it was written from
 * (where a value wrapped in a narrow cell is whole) and the PDF read back by pdftotext, a range of pages per core.
 */
export async function writeCheckedPdf(model: DocumentModel, faces: Faces): Promise<WrittenPdf> {
  const written = await documentToPdf(model, faces);
  if (model.public) {
    await scanPublicOutput('pdf', written.bytes, model.title, { text: documentText(model), pages: written.pages, drawnInReadingOrder: true });
  }
  return written;
}

/** What the worker posts back: the file, null (no fonts here), or the error, an AppError's payload kept whole. */
export type WriteReply = { written: WrittenPdf | null } | { error: ErrorPayload; app: boolean };

import type { PdfRenderer, RenderedFile } from '../reports/model';
import { MIME_TYPES, reportFileName } from '../reports/formats/file-name';
import type { DocumentModel } from './model';
import { documentToDocx } from './docx';
import { documentToHtml, documentToPrintablePage } from './html/render';
import { scanPublicOutput } from './public-scan';

export type DocumentFormat = 'pdf' | 'docx' | 'html';

/**
 * A document in one format: PDF printed from the JSX page, DOCX from the same model, or one self-contained
 * HTML file for a website. A public document is read back after rendering and refused if it shows an ID
 * number, a phone or an address (error reports.public_personal_data).
 */
export async function renderDocument(doc: DocumentModel, format: DocumentFormat, pdf: PdfRenderer): Promise<RenderedFile> {
  let bytes: Uint8Array;
  let printedHtml: string | undefined;
  switch (format) {
    case 'pdf': {
      const page = documentToPrintablePage(doc);
      printedHtml = page.html;
      bytes = await pdf.renderPdf(page);
      break;
    }
    case 'docx':
      bytes = await documentToDocx(doc);
      break;
    case 'html':
      bytes = new TextEncoder().encode(documentToHtml(doc));
      break;
    default:
      throw new Error(`Unknown document format: ${String(format satisfies never)}`);
  }
  if (doc.public) await scanPublicOutput(format, bytes, doc.title, printedHtml);
  const name = { title: doc.title, generatedAt: doc.generatedAt };
  return { fileName: reportFileName(name, format), mimeType: MIME_TYPES[format], bytes };
}

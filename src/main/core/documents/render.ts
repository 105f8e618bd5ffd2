import type { PdfRenderer, RenderedFile } from '../reports/model';
import { MIME_TYPES, reportFileName } from '../reports/formats/file-name';
import { AppError } from '../../../shared/errors';
import type { DocumentModel } from './model';
import { documentToDocx } from './docx';
import { documentToHtml, documentToPrintablePage } from './html/render';
import { markupText, scanPublicOutput, type SourceText } from './public-scan';
import { writeDocumentPdf } from './pdf/write';
import { isLongTable, tablePaging } from './html/table-pages';
import { cellText } from './html/blocks';

export type DocumentFormat = 'pdf' | 'docx' | 'html';

/**
 * Whether a document is written by the direct PDF writer (pdf/document-pdf.ts) rather than printed by Chromium:
 * one with a table longer than the pages Chromium prints it in quickly (the same test that cuts a printed table
 * into pages). Short documents, the receipts and minutes, are printed from the page as reviewed.
 */
export function writesPdfDirectly(doc: DocumentModel): boolean {
  const paging = tablePaging(doc);
  return doc.blocks.some((b) => b.kind === 'table' && isLongTable(b, paging, (cells) => b.columns.map((c, i) => cellText(cells[i] ?? null, c.kind))));
}

/**
 * The direct writer failing for any reason but a refusal (its worker could not start, a font file it could not
 * read) must not cost the hall its printout: the document goes to Chromium instead, slower, and the failure is
 * logged. A refusal (personal data on a public document) stands.
 */
function printInstead(err: unknown): null {
  if (err instanceof AppError) throw err;
  console.warn(`[documents] the direct PDF writer failed, printing with Chromium instead: ${(err as Error).message}`);
  return null;
}

/**
 * A document in one format: PDF printed from the JSX page (or, when long, written directly), DOCX from the same model, or one self-contained
 * HTML file for a website. A public document is read back after rendering and refused if it shows an ID
 * number, a phone or an address (error reports.public_personal_data).
 */
export async function renderDocument(doc: DocumentModel, format: DocumentFormat, pdf: PdfRenderer): Promise<RenderedFile> {
  let bytes: Uint8Array;
  let source: SourceText | undefined;
  let checked = false;
  switch (format) {
    case 'pdf': {
      // The direct writer needs the font files; without them a long document is printed by Chromium, slowly.
      const written = writesPdfDirectly(doc) ? await writeDocumentPdf(doc).catch(printInstead) : null;
      if (written) {
        // Checked where it was written (pdf/write.ts), off this thread.
        bytes = written.bytes;
        checked = true;
        break;
      }
      const page = documentToPrintablePage(doc);
      source = { text: markupText(page.html) };
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
  if (doc.public && !checked) await scanPublicOutput(format, bytes, doc.title, source);
  const name = { title: doc.title, generatedAt: doc.generatedAt };
  return { fileName: reportFileName(name, format), mimeType: MIME_TYPES[format], bytes };
}

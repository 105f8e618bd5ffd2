import type { PdfRenderer, RenderedFile, ReportFormat, ReportModel, TableReport } from '../model';
import { tableToCsv } from './csv';
import { tableToDocx } from './docx';
import { tableToPrintablePage } from './html';
import { tableToXlsx } from './xlsx';
import { markupText, scanPublicOutput } from '../../documents/public-scan';
import { renderDocument } from '../../documents/render';
import { MIME_TYPES, reportFileName } from './file-name';

export { MIME_TYPES, reportFileName };

export { tableToCsv, tableToDocx, tableToPrintablePage, tableToXlsx };
export { escapeHtml } from './html';
// pdf-chromium is deliberately not re-exported: the Electron app renders PDFs with
// printToPDF and should not pull playwright-core into its bundle.

export async function renderTableReport(report: TableReport, format: ReportFormat, pdf: PdfRenderer): Promise<RenderedFile> {
  let bytes: Uint8Array;
  let printedHtml: string | undefined;
  switch (format) {
    case 'pdf': {
      const page = tableToPrintablePage(report);
      printedHtml = page.html;
      bytes = await pdf.renderPdf(page);
      break;
    }
    case 'docx':
      bytes = await tableToDocx(report);
      break;
    case 'xlsx':
      bytes = await tableToXlsx(report);
      break;
    case 'csv':
      bytes = tableToCsv(report);
      break;
    // The printed page itself: one file, its CSS inline.
    case 'html':
      bytes = new TextEncoder().encode(tableToPrintablePage(report).html);
      break;
    default:
      throw new Error(`Unknown report format: ${String(format satisfies never)}`);
  }
  if (report.public) await scanPublicOutput(format, bytes, report.title, printedHtml === undefined ? undefined : { text: markupText(printedHtml) });
  return { fileName: reportFileName(report, format), mimeType: MIME_TYPES[format], bytes };
}

/**
 * A report's model in a format: a table through the renderers above, a document through core/documents (PDF,
 * Word, HTML), a page of its own only as PDF.
 */
export async function renderReportModel(model: ReportModel, format: ReportFormat, pdf: PdfRenderer): Promise<RenderedFile> {
  if (model.kind === 'table') return renderTableReport(model, format, pdf);
  if (model.kind === 'document') {
    if (format !== 'pdf' && format !== 'docx' && format !== 'html') throw new Error(`${model.document.title} comes as PDF, Word or HTML`);
    return renderDocument(model.document, format, pdf);
  }
  if (format !== 'pdf') throw new Error(`${model.title} comes only as PDF`);
  return { fileName: reportFileName(model, 'pdf'), mimeType: MIME_TYPES.pdf, bytes: await pdf.renderPdf(model.page) };
}

import type { PdfRenderer, RenderedFile, ReportFormat, ReportModel, TableReport } from '../model';
import { DEFAULT_TIME_ZONE, formatDate } from '../format-cell';
import { tableToCsv } from './csv';
import { tableToDocx } from './docx';
import { tableToPrintablePage } from './html';
import { tableToXlsx } from './xlsx';
import { scanPublicOutput } from '../../documents/public-scan';

export { tableToCsv, tableToDocx, tableToPrintablePage, tableToXlsx };
export { escapeHtml } from './html';
// pdf-chromium is deliberately not re-exported: the Electron app renders PDFs with
// printToPDF and should not pull playwright-core into its bundle.

export const MIME_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** `审计日志-2026-11-22.pdf`: the date is the export day in the report's time zone, not UTC. */
export function reportFileName(report: Pick<TableReport, 'title' | 'generatedAt' | 'timeZone'>, format: ReportFormat): string {
  // Characters Windows/macOS forbid in file names, plus control characters.
  const safeTitle = report.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'report';
  return `${safeTitle}-${formatDate(report.generatedAt, report.timeZone ?? DEFAULT_TIME_ZONE)}.${format}`;
}

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
    case 'docx': bytes = await tableToDocx(report); break;
    case 'xlsx': bytes = await tableToXlsx(report); break;
    case 'csv': bytes = tableToCsv(report); break;
    default: throw new Error(`Unknown report format: ${String(format satisfies never)}`);
  }
  if (report.public) await scanPublicOutput(format, bytes, report.title, printedHtml);
  return { fileName: reportFileName(report, format), mimeType: MIME_TYPES[format], bytes };
}

/** A report's model in a format: a table through the renderers above, a page of its own only as PDF. */
export async function renderReportModel(model: ReportModel, format: ReportFormat, pdf: PdfRenderer): Promise<RenderedFile> {
  if (model.kind === 'table') return renderTableReport(model, format, pdf);
  if (format !== 'pdf') throw new Error(`${model.title} comes only as PDF`);
  return { fileName: reportFileName(model, 'pdf'), mimeType: MIME_TYPES.pdf, bytes: await pdf.renderPdf(model.page) };
}

// The plain data model every report builds. Reports produce a TableReport; the
// renderers in ./formats turn it into PDF/DOCX/XLSX/CSV. Nothing here may import
// `electron`: the same code runs in the Electron main process, in the CLI and in tests.

import type { DocumentModel } from '../documents/model';

export interface ReportLetterhead {
  communityName: string; // 社区名称, e.g. 青山区幸福社区居民委员会
  unitName: string; // 落款单位 printed on documents
  streetOffice?: string; // 街道办事处
  address?: string;
  servicePhone?: string;
  complaintPhone?: string;
  sealImageDataUrl?: string; // optional PNG data URL of the seal, printed at the signature position
}
export type CellValue = string | number | null;
export interface ReportColumn {
  key: string;
  header: string;
  kind?: 'text' | 'integer' | 'fen' | 'date' | 'datetime'; // 'fen' = integer fen, shown as yuan with 2 decimals
  width?: number; // relative width in characters
  align?: 'left' | 'center' | 'right';
}
export interface TableReport {
  kind: 'table';
  title: string; // 审计日志
  subtitle?: string;
  meta: { label: string; value: string }[]; // 时间范围, 导出人, etc. shown under the title
  columns: ReportColumn[];
  rows: Record<string, CellValue>[];
  totals?: Record<string, CellValue>; // optional totals row (合计)
  notes?: string[]; // footnotes under the table
  letterhead: ReportLetterhead;
  generatedAt: string; // ISO instant
  generatedBy: string; // display name of the user
  orientation?: 'portrait' | 'landscape';
  /**
   * Localised words. `page` and `of` may contain `{n}`, replaced by the number
   * (zh: page '第 {n} 页', of '共 {n} 页' → "第 2 页 / 共 5 页"; en: 'Page {n}', 'of {n}').
   * Without `{n}` the number is appended after a space.
   */
  labels: { page: string; of: string; generatedAt: string; generatedBy: string; total: string }; // localised words, e.g. 第/页/共/导出时间/导出人/合计
  timeZone?: string; // default 'Asia/Shanghai' for formatting datetime cells
  /**
   * A public table (公示 list, a website page): the rendered file is read back and refused
   * (reports.public_personal_data) if it shows an ID number, a phone or an address.
   */
  public?: boolean;
}
/**
 * A report with its own printed layout (a form such as the 居民信息登记表, not a table): the builder
 * returns the page to print, and it comes only as PDF.
 */
export interface PageReport {
  kind: 'page';
  title: string;
  generatedAt: string;
  timeZone?: string;
  page: PrintablePage;
}
/**
 * A document (receipt, notice, certificate, minutes) as a report: rendered by core/documents to PDF, DOCX
 * or one self-contained HTML file, and read back for personal data when it is marked public.
 */
export interface DocumentReport {
  kind: 'document';
  document: DocumentModel;
}
/** What a report's builder returns: the table the renderers lay out, a page of its own, or a document. */
export type ReportModel = TableReport | PageReport | DocumentReport;
export type ReportFormat = 'pdf' | 'docx' | 'xlsx' | 'csv' | 'html';
export interface RenderedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}
export interface PdfRenderer {
  // implemented by headless Chromium here, by Electron printToPDF in the app
  renderPdf(page: PrintablePage): Promise<Uint8Array>;
  close(): Promise<void>;
}
/** Page margins as CSS lengths; they must leave room for the header/footer templates. */
export interface PageMargins {
  top: string;
  right: string;
  bottom: string;
  left: string;
}
export interface PrintablePage {
  html: string;
  footerTemplate: string;
  headerTemplate: string;
  landscape: boolean;
  /** Same margins as the document's CSS @page, so printToPDF/page.pdf agree with the layout. */
  margins?: PageMargins;
  /** A4 unless said (the notice-board poster is A3). */
  paper?: 'A4' | 'A3';
  /**
   * The page's own CSS gives the paper, margins and page numbers (@page margin boxes: GB/T 9704 puts odd
   * pages' numbers on the right and even pages' on the left, which header/footer templates cannot do).
   * The templates above are then not printed.
   */
  cssPageBox?: boolean;
}

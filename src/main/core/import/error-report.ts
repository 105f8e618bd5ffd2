import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { JobFile } from '../jobs/jobs';
import { translator } from '../../../shared/i18n/translate';
import { sheetName as safeSheetName } from '../reports/formats/xlsx';
import { cellText, type CellValue } from '../spreadsheet/sheet';
import { yieldToEventLoop } from '../spreadsheet/slices';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What an area hands over for its error report: the file's header and its rejected rows with their reasons. */
export interface RejectedRows {
  fileName: string;
  sheetName: string | null;
  headers: string[];
  /** In file order: each rejected row's cells as the file had them, and why it was refused (one sentence). */
  rows: AsyncIterable<{ cells: CellValue[]; reason: string }> | Iterable<{ cells: CellValue[]; reason: string }>;
}

/**
 * The rejected rows as a workbook to fix and import again: the file's own header row and columns, each
 * rejected row as the file had it (merged cells filled in), and 错误原因 at the end. Every cell is text
 * in a text-formatted column, so an ID number typed in to fix a row stays as typed. Importing it again
 * with the same mapping works: the header is the first row and 错误原因 is simply not mapped.
 */
export async function rejectedRowsWorkbook(report: RejectedRows): Promise<JobFile> {
  const t = translator('zh-CN');
  // exceljs' streaming writer: each row is written and compressed as it is committed, so a report of tens
  // of thousands of rows is made in small steps between which the main process serves other calls; the
  // in-memory Workbook serialised the whole sheet and zipped it in one go at the end.
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(safeSheetName(report.sheetName ?? t('importReport.title')), { views: [{ state: 'frozen', ySplit: 1 }] });
  const width = report.headers.length;
  ws.columns = [...report.headers.map((h) => ({ width: Math.max(10, Math.min(30, h.length * 2 + 4)), style: { numFmt: '@' } })), { width: 60 }];
  const header = ws.addRow([...report.headers, t('importReport.reason')]);
  header.font = { bold: true };
  header.getCell(width + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  header.commit();

  let n = 0;
  for await (const { cells, reason } of report.rows) {
    const texts = Array.from({ length: width }, (_, i) => cellText(cells[i] ?? null));
    const row = ws.addRow([...texts, reason]);
    row.getCell(width + 1).font = { color: { argb: 'FFC00000' } };
    row.getCell(width + 1).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
    if (++n % 200 === 0) await yieldToEventLoop();
  }
  ws.commit();
  await wb.commit();
  await finished(out);
  const base = report.fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${base}.errors.xlsx`, mimeType: XLSX_MIME, bytes: new Uint8Array(Buffer.concat(chunks)) };
}

import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { JobFile } from '../../../jobs/jobs';
import { translator } from '../../../../../shared/i18n/translate';
import { sheetName } from '../../../reports/formats/xlsx';
import { problemsText } from './messages';
import { cellText } from '../../../spreadsheet/sheet';
import type { ImportSession } from './store';
import { batchRows } from './row-batches';
import { yieldToEventLoop } from '../../../spreadsheet/slices';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The rejected rows as a workbook to fix and import again: the file's own header row and columns, each
 * rejected row as the file had it (merged cells filled in), and 错误原因 at the end. Every cell is text
 * in a text-formatted column, so an ID number typed in to fix a row stays as typed. Importing it again
 * with the same mapping works: the header is the first row and 错误原因 is simply not mapped.
 */
export async function errorReport(imp: ImportSession): Promise<JobFile> {
  const t = translator('zh-CN');
  // exceljs' streaming writer: each row is written and compressed as it is committed, so a report of tens
  // of thousands of rows is made in small steps between which the main process serves other calls; the
  // in-memory Workbook serialised the whole sheet and zipped it in one go at the end.
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName(imp.sheetName ?? t('importReport.title')), { views: [{ state: 'frozen', ySplit: 1 }] });
  const width = imp.headers.length;
  ws.columns = [...imp.headers.map((h) => ({ width: Math.max(10, Math.min(30, h.length * 2 + 4)), style: { numFmt: '@' } })), { width: 60 }];
  const header = ws.addRow([...imp.headers, t('importReport.reason')]);
  header.font = { bold: true };
  header.getCell(width + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  header.commit();

  // Rows and plans are in the same order: each batch that holds a rejected row is opened once.
  let n = 0;
  for (const batch of imp.batches) {
    const plans = imp.plans.slice(batch.first, batch.first + batch.count);
    if (!plans.some((p) => p.action === 'reject')) continue;
    const sources = batchRows(batch);
    for (const [j, plan] of plans.entries()) {
      if (plan.action !== 'reject') continue;
      const source = sources[j];
      const texts = Array.from({ length: width }, (_, i) => cellText(source?.cells[i] ?? null));
      const row = ws.addRow([...texts, problemsText(plan.problems, imp.mapping)]);
      row.getCell(width + 1).font = { color: { argb: 'FFC00000' } };
      row.getCell(width + 1).alignment = { wrapText: true, vertical: 'top' };
      row.commit();
      if (++n % 200 === 0) await yieldToEventLoop();
    }
    await yieldToEventLoop();
  }
  ws.commit();
  await wb.commit();
  await finished(out);
  const base = imp.fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${base}.errors.xlsx`, mimeType: XLSX_MIME, bytes: new Uint8Array(Buffer.concat(chunks)) };
}

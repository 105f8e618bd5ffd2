import ExcelJS from 'exceljs';
import type { JobFile } from '../../../jobs/jobs';
import { translator } from '../../../../../shared/i18n/translate';
import { sheetName } from '../../../reports/formats/xlsx';
import { problemsText } from './messages';
import { cellText } from './sheet';
import type { ImportSession } from './store';
import { batchRows } from './row-batches';
import { yieldToEventLoop } from './slices';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The rejected rows as a workbook to fix and import again: the file's own header row and columns, each
 * rejected row as the file had it (merged cells filled in), and 错误原因 at the end. Every cell is text
 * in a text-formatted column, so an ID number typed in to fix a row stays as typed. Importing it again
 * with the same mapping works: the header is the first row and 错误原因 is simply not mapped.
 */
export async function errorReport(imp: ImportSession): Promise<JobFile> {
  const t = translator('zh-CN');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName(imp.sheetName ?? t('importReport.title')));
  const width = imp.headers.length;
  ws.columns = [...imp.headers.map((h) => ({ width: Math.max(10, Math.min(30, h.length * 2 + 4)), style: { numFmt: '@' } })), { width: 60 }];
  const header = ws.addRow([...imp.headers, t('importReport.reason')]);
  header.font = { bold: true };
  header.getCell(width + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];

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
      if (++n % 500 === 0) await yieldToEventLoop();
    }
    await yieldToEventLoop();
  }
  const base = imp.fileName.replace(/\.[^.]+$/, '');
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { fileName: `${base}.errors.xlsx`, mimeType: XLSX_MIME, bytes };
}

import type { JobFile } from '../../../jobs/jobs';
import { rejectedRowsWorkbook } from '../../../import/error-report';
import { yieldToEventLoop } from '../../../spreadsheet/slices';
import { problemsText } from './messages';
import { batchRows } from './row-batches';
import type { ImportSession } from './store';

/** A previewed (or committed) register's rejected rows, with the reasons the last plan gave, as a workbook (core/import/error-report.ts). */
export function errorReport(imp: ImportSession): Promise<JobFile> {
  return rejectedRowsWorkbook({ fileName: imp.fileName, sheetName: imp.sheetName, headers: imp.headers, rows: rejectedRows(imp) });
}

/** Rows and plans are in the same order: each batch that holds a rejected row is opened once. */
async function* rejectedRows(imp: ImportSession) {
  for (const batch of imp.batches) {
    const plans = imp.plans.slice(batch.first, batch.first + batch.count);
    if (!plans.some((p) => p.action === 'reject')) continue;
    const sources = batchRows(batch);
    for (const [j, plan] of plans.entries()) {
      if (plan.action === 'reject') yield { cells: sources[j]?.cells ?? [], reason: problemsText(plan.problems, imp.mapping) };
    }
    await yieldToEventLoop();
  }
}

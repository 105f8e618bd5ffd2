import type { JobFile } from '../../../jobs/jobs';
import { rejectedRowsWorkbook } from '../../../import/error-report';
import { yieldToEventLoop } from '../../../spreadsheet/slices';
import { problemsText } from './messages';
import { batchRows } from './row-batches';
import { storedBatches, type ImportSession } from './store';

/** A previewed (or committed) register's rejected rows, with the reasons the last plan gave, as a workbook (core/import/error-report.ts). */
export function errorReport(imp: ImportSession): Promise<JobFile> {
  return rejectedRowsWorkbook({ fileName: imp.fileName, sheetName: imp.sheetName, headers: imp.headers, rows: rejectedRows(imp) });
}

/** Rows and plans are in the same order: only the batches that hold a rejected row are read back from the spill, each once. */
async function* rejectedRows(imp: ImportSession) {
  const rejected = [...imp.rejected.keys()].sort((a, b) => a - b);
  const holdsRejected = (b: { first: number; count: number }) => {
    const i = firstAtLeast(rejected, b.first);
    return i < rejected.length && rejected[i] < b.first + b.count;
  };
  for (const { batch } of storedBatches(imp, holdsRejected)) {
    const sources = batchRows(batch);
    for (let j = 0; j < batch.count; j++) {
      const plan = imp.rejected.get(batch.first + j);
      if (plan) yield { cells: sources[j]?.cells ?? [], reason: problemsText(plan.problems, imp.mapping) };
    }
    await yieldToEventLoop();
  }
}

/** The index of the first of the sorted `values` that is ≥ `min` (binary search). */
function firstAtLeast(values: number[], min: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

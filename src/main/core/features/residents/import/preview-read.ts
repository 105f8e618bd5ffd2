import type { ImportConstants, ImportMapping } from '../../../../../shared/contract/residents/imports';
import { draftRow, type RowDraft } from './draft';
import { headerTest, resolveMapping, type ResolvedMapping } from './mapping';
import { readSpreadsheet } from '../../../spreadsheet/read-file';
import type { SheetHead, SheetRow } from '../../../spreadsheet/sheet';

/** Which column is which field (absent: by the headers), and one value for every row for fields without a column. */
export interface ColumnChoice {
  mapping?: ImportMapping;
  constants?: ImportConstants;
}

/** Rows per batch handed over while reading (small enough that passing one between threads is quick). */
export const PREVIEW_BATCH_ROWS = 500;

/** What reading for a preview produces, in order: the head once, then the rows in batches, drafted. */
export type PreviewReadEvent = { kind: 'head'; head: SheetHead; resolved: ResolvedMapping } | { kind: 'rows'; first: number; rows: SheetRow[]; drafts: RowDraft[] };

/**
 * Reads the file and drafts its rows as they are read, in batches, so that planning can start while the
 * rest of the file is still being read. The same code runs in the preview's worker thread and, for a
 * small file or without workers, in the calling thread.
 *
 * The refusals are the ones reading the whole file first would give, in the same order: a problem with
 * the file itself (empty, too many rows, a merged header …) before a mapping that names a missing column.
 */
export async function readForPreview(bytes: Buffer, columns: ColumnChoice, emit: (e: PreviewReadEvent) => void, batchRows = PREVIEW_BATCH_ROWS): Promise<void> {
  const explicit = columns.mapping;
  let resolved: ResolvedMapping | null = null;
  let mappingError: unknown = null;
  let batch: SheetRow[] = [];
  let first = 0;
  const flush = () => {
    if (!resolved || !batch.length) return;
    emit({ kind: 'rows', first, rows: batch, drafts: batch.map((r) => draftRow(r, resolved!.columns, resolved!.constants)) });
    first += batch.length;
    batch = [];
  };
  await readSpreadsheet(bytes, headerTest(explicit), {
    start(head) {
      try {
        resolved = resolveMapping(head.headers, explicit, columns.constants);
      } catch (err) {
        mappingError = err;
        return;
      }
      emit({ kind: 'head', head, resolved });
    },
    row(row) {
      if (!resolved) return;
      batch.push(row);
      if (batch.length >= batchRows) flush();
    },
  });
  if (mappingError) throw mappingError;
  flush();
}

import { readSpreadsheet } from '../spreadsheet/read-file';
import type { HeaderTest, SheetHead, SheetRow } from '../spreadsheet/sheet';

/** Rows per batch handed over while reading (small enough that passing one between threads is quick). */
export const IMPORT_BATCH_ROWS = 500;

/** How an area reads its file: which row is the header, what the header means, and one row as the area's draft. */
export interface RowReader<Columns, Draft> {
  isHeader: HeaderTest;
  /** The header's columns as the area's fields; throws when the file cannot be imported with them (no name column …). */
  resolve(head: SheetHead): Columns;
  draft(row: SheetRow, columns: Columns): Draft;
}

export type BatchEvent<Columns, Draft> =
  { kind: 'head'; head: SheetHead; resolved: Columns } | { kind: 'rows'; first: number; rows: SheetRow[]; drafts: Draft[] };

/**
 * Reads the file and drafts its rows as they are read, in batches, so that planning can start while the
 * rest of the file is still being read. The same code runs in a preview's worker thread and, for a small
 * file or without workers, in the calling thread.
 *
 * The refusals are the ones reading the whole file first would give, in the same order: a problem with
 * the file itself (empty, too many rows, a merged header …) before a mapping that names a missing column.
 */
export async function readInBatches<Columns, Draft>(
  bytes: Buffer,
  reader: RowReader<Columns, Draft>,
  emit: (e: BatchEvent<Columns, Draft>) => void,
  batchRows = IMPORT_BATCH_ROWS,
): Promise<void> {
  let resolved: { columns: Columns } | null = null;
  let resolveError: unknown = null;
  let batch: SheetRow[] = [];
  let first = 0;
  const flush = () => {
    if (!resolved || !batch.length) return;
    const { columns } = resolved;
    emit({ kind: 'rows', first, rows: batch, drafts: batch.map((r) => reader.draft(r, columns)) });
    first += batch.length;
    batch = [];
  };
  await readSpreadsheet(bytes, reader.isHeader, {
    start(head) {
      try {
        resolved = { columns: reader.resolve(head) };
      } catch (err) {
        resolveError = err;
        return;
      }
      emit({ kind: 'head', head, resolved: resolved.columns });
    },
    row(row) {
      if (!resolved) return;
      batch.push(row);
      if (batch.length >= batchRows) flush();
    },
  });
  if (resolveError) throw resolveError;
  flush();
}

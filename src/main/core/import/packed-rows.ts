import v8 from 'node:v8';
import type { SheetRow } from '../spreadsheet/sheet';

// A previewed file's rows and drafts, kept batch by batch in V8's serialized form: bytes outside the
// JavaScript heap. As objects, 100,000 rows with their drafts are many small objects that the main
// process's garbage collector copies and walks for as long as the preview is kept; as bytes they cost it
// nothing until the commit or the error report opens a batch. The reading worker packs each batch, so
// that it crosses to the main thread as two byte arrays.

/** A batch's rows and drafts, as the reader hands them over (from a worker thread, already serialized). */
export interface PackedRows {
  /** The index of the batch's first row among the file's data rows (its plan is plans[first]). */
  first: number;
  count: number;
  rows: Uint8Array;
  drafts: Uint8Array;
}

export function packRows<Draft>(first: number, rows: SheetRow[], drafts: Draft[]): PackedRows {
  return { first, count: rows.length, rows: v8.serialize(rows), drafts: v8.serialize(drafts) };
}

export function batchRows(batch: PackedRows): SheetRow[] {
  return v8.deserialize(batch.rows) as SheetRow[];
}

export function batchDrafts<Draft>(batch: PackedRows): Draft[] {
  return v8.deserialize(batch.drafts) as Draft[];
}

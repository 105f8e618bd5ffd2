import v8 from 'node:v8';
import type { PreparedResident } from '../prepare';
import type { RowWrite } from './plan';
import type { RowDraft } from './draft';
import type { SheetRow } from '../../../spreadsheet/sheet';

// A previewed file's rows, drafts and prepared values, kept batch by batch in V8's serialized form: bytes
// outside the JavaScript heap. As objects, 100,000 rows with their drafts and prepared values are some
// 215 MB of small objects that the main process's garbage collector copies and walks for as long as the
// preview is kept (on a busy 2-core machine single collections took 100–450 ms); as bytes (about 120 MB)
// they cost it nothing until the commit or the error report opens a batch.

/** A batch's rows and drafts, as the reader hands them over (from a worker thread, already serialized). */
export interface PackedRows {
  /** The index of the batch's first row among the file's data rows (its plan is plans[first]). */
  first: number;
  count: number;
  rows: Uint8Array;
  drafts: Uint8Array;
}

/**
 * …and, once planned, the rows' prepared values, which the commit reuses (null for a rejected row), and
 * what the preview planned to write for each row (without the prepared values, kept once): the commit
 * writes these as they are when nothing has changed since the preview (commit-write.ts).
 */
export interface StoredBatch extends PackedRows {
  prepared: Uint8Array;
  writes: Uint8Array;
}

/** A row's planned write, its prepared values apart. */
export type KeptWrite = Omit<RowWrite, 'prepared'>;

export function packRows(first: number, rows: SheetRow[], drafts: RowDraft[]): PackedRows {
  return { first, count: rows.length, rows: v8.serialize(rows), drafts: v8.serialize(drafts) };
}

export function packPrepared(prepared: (PreparedResident | null)[]): Uint8Array {
  return v8.serialize(prepared);
}

export function packWrites(writes: (RowWrite | null)[]): Uint8Array {
  return v8.serialize(writes.map((w) => (w ? withoutPrepared(w) : null)));
}

function withoutPrepared(w: RowWrite): KeptWrite {
  const { prepared: _prepared, ...kept } = w;
  return kept;
}

export function batchWrites(batch: StoredBatch): (KeptWrite | null)[] {
  return v8.deserialize(batch.writes) as (KeptWrite | null)[];
}

export function batchRows(batch: PackedRows): SheetRow[] {
  return v8.deserialize(batch.rows) as SheetRow[];
}

export function batchDrafts(batch: PackedRows): RowDraft[] {
  return v8.deserialize(batch.drafts) as RowDraft[];
}

export function batchPrepared(batch: StoredBatch): (PreparedResident | null)[] {
  return v8.deserialize(batch.prepared) as (PreparedResident | null)[];
}

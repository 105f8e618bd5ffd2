import v8 from 'node:v8';
import type { PreparedResident } from '../prepare';
import type { RowWrite } from './plan';
import type { RowDraft } from './draft';
import { batchDrafts as packedDrafts, type PackedRows } from '../../../import/packed-rows';

// A previewed file's rows and drafts are kept serialized batch by batch (core/import/packed-rows.ts); so
// are, once planned, their prepared values and planned writes. As objects, 100,000 rows with their drafts
// and prepared values are some 215 MB of small objects that the main process's garbage collector copies
// and walks for as long as the preview is kept (on a busy 2-core machine single collections took
// 100–450 ms); as bytes (about 120 MB) they cost it nothing until the commit or the error report opens a batch.

export { packRows, batchRows, type PackedRows } from '../../../import/packed-rows';

/** A batch's drafts, as residents' rows. */
export function batchDrafts(batch: PackedRows): RowDraft[] {
  return packedDrafts<RowDraft>(batch);
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

export function batchPrepared(batch: StoredBatch): (PreparedResident | null)[] {
  return v8.deserialize(batch.prepared) as (PreparedResident | null)[];
}

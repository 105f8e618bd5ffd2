import type SqliteDatabase from 'better-sqlite3';
import type { ImportStore, StoredImport } from '../../../import/store';
import type { ImportConstants, ImportMapping, ImportPreview } from '../../../../../shared/contract/residents/imports';
import { readSpillBatches, removeSpill, type SpillRef } from '../../../import/spill';
import type { CommitBatch } from './commit-write';
import type { KeptPlan } from './plan';
import { residentsImport } from './definition';

/**
 * A previewed register, as the serving process keeps it (core/import/store.ts) between the preview and the
 * commit or error report: what the screen was shown, the rejected rows' plans, and the spill file that
 * holds every batch (core/import/spill.ts: the file's rows, drafts, prepared values, planned writes and
 * plans, in file order) so that the commit and the error report do not read the upload again. The rows
 * themselves stay on disk, not in this process's memory.
 */
export interface ImportSession extends StoredImport {
  fileName: string;
  sheetName: string | null;
  headerRow: number;
  headers: string[];
  mapping: ImportMapping;
  /** One value for every row, for fields without a column. */
  constants: ImportConstants;
  /** Whether the commit creates the places the preview planned, and the compound spellings mapped to existing ones. */
  createPlaces: boolean;
  compoundAliases: Record<string, string>;
  totalRows: number;
  counts: ImportPreview['counts'];
  /** Row index → the last plan of each rejected row (the preview's, or the commit's where it planned again). */
  rejected: Map<number, KeptPlan>;
  /** The batches, with the planned households and places as the spill's tail (commit-write.ts: PreviewTail). */
  spill: SpillRef;
  /** The registry's mark when the preview started planning (registry-mark.ts). */
  registryMark: string;
}

/** The residents area's previews (core/import/store.ts). */
export function importStore(sqlite: SqliteDatabase.Database): ImportStore<ImportSession> {
  return residentsImport.store<ImportSession>(sqlite);
}

/** The kept batches, in file order, read back from the spill one at a time (or only those `which` keeps). */
export function storedBatches(imp: ImportSession, which?: (rows: { first: number; count: number }) => boolean): Generator<CommitBatch> {
  return readSpillBatches<CommitBatch>(imp.spill, which);
}

/** Lets the preview's spill file go (the store drops the preview, or nothing in it is needed any more). */
export function releaseSpill(imp: ImportSession): void {
  removeSpill(imp.spill);
}

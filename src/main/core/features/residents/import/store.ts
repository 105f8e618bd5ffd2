import type SqliteDatabase from 'better-sqlite3';
import type { ImportStore, StoredImport } from '../../../import/store';
import type { ImportConstants, ImportMapping } from '../../../../../shared/contract/residents/imports';
import type { PlannedPlaces } from './new-places';
import type { KeptPlan } from './plan';
import type { StoredBatch } from './row-batches';
import { residentsImport } from './definition';

/** A previewed register, kept in memory (core/import/store.ts) so that the commit and the error report do not read it again. */
export interface ImportSession extends StoredImport {
  fileName: string;
  sheetName: string | null;
  headerRow: number;
  headers: string[];
  mapping: ImportMapping;
  /**
   * The file's rows as read (the error report copies the rejected ones back out), their drafts (the
   * commit plans them again) and prepared values (which it reuses), serialized batch by batch in file
   * order; plans[i] is what is kept of row i's plan.
   */
  batches: StoredBatch[];
  plans: KeptPlan[];
  newHouseholds: Map<string, { id: string; houseId: string | null }>;
  /** One value for every row, for fields without a column. */
  constants: ImportConstants;
  /** Whether the commit creates the places the preview planned (newPlaces), and the compound spellings mapped to existing ones. */
  createPlaces: boolean;
  compoundAliases: Record<string, string>;
  newPlaces: PlannedPlaces;
  /** The registry's mark when the preview started planning (registry-mark.ts). */
  registryMark: string;
}

/** The residents area's previews (core/import/store.ts). */
export function importStore(sqlite: SqliteDatabase.Database): ImportStore<ImportSession> {
  return residentsImport.store<ImportSession>(sqlite);
}

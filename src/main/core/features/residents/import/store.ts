import type SqliteDatabase from 'better-sqlite3';
import { AppError } from '../../../../../shared/errors';
import type { ImportConstants, ImportMapping } from '../../../../../shared/contract/residents/imports';
import type { PlannedPlaces } from './new-places';
import type { KeptPlan } from './plan';
import type { StoredBatch } from './row-batches';

/** A previewed file, kept in memory so that the commit and the error report do not read it again. */
export interface ImportSession {
  importId: string;
  ownerToken: string;
  createdAt: number;
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
  state: 'previewed' | 'running' | 'committed';
}

export const IMPORT_TTL_MS = 60 * 60 * 1000;
/** A user previewing file after file keeps at most this many in memory. */
const PER_SESSION = 3;

/**
 * Previews by id, for the session that made them, for an hour. One store per open database: a restore
 * opens a new connection, and imports planned against the old file are gone with it.
 */
class ImportStore {
  private readonly items = new Map<string, ImportSession>();

  put(item: ImportSession, now: number): void {
    this.purge(now);
    const mine = [...this.items.values()].filter((i) => i.ownerToken === item.ownerToken && i.state !== 'running').sort((a, b) => a.createdAt - b.createdAt);
    while (mine.length >= PER_SESSION) this.items.delete(mine.shift()!.importId);
    this.items.set(item.importId, item);
  }

  get(importId: string, ownerToken: string, now: number): ImportSession {
    this.purge(now);
    const item = this.items.get(importId);
    if (!item || item.ownerToken !== ownerToken) throw new AppError('import.expired', 'The preview is gone; preview the file again', { params: { importId } });
    return item;
  }

  private purge(now: number): void {
    for (const [id, item] of this.items) if (item.state !== 'running' && now - item.createdAt > IMPORT_TTL_MS) this.items.delete(id);
  }
}

const stores = new WeakMap<SqliteDatabase.Database, ImportStore>();

export function importStore(sqlite: SqliteDatabase.Database): ImportStore {
  let s = stores.get(sqlite);
  if (!s) stores.set(sqlite, (s = new ImportStore()));
  return s;
}

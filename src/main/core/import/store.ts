import type SqliteDatabase from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

/** What every area keeps of a previewed file between its preview and its commit or error report. */
export interface StoredImport {
  importId: string;
  /** The session that previewed it: only it may commit it or ask for its report. */
  ownerToken: string;
  createdAt: number;
  state: 'previewed' | 'running' | 'committed';
  /** Lets go of what the preview keeps outside memory (its spill file), when the store drops it. */
  release?(): void;
}

/** Every kept preview of this process: whatever they keep on disk goes when the process ends. */
const kept = new Set<StoredImport>();
let releaseOnExit = false;

function keep(item: StoredImport): void {
  kept.add(item);
  if (releaseOnExit) return;
  releaseOnExit = true;
  process.once('exit', () => kept.forEach((i) => i.release?.()));
}

function drop(item: StoredImport): void {
  kept.delete(item);
  item.release?.();
}

export const IMPORT_TTL_MS = 60 * 60 * 1000;
/** A user previewing file after file keeps at most this many in memory, per area. */
const PER_SESSION = 3;

/**
 * Previews by id, for the session that made them, for an hour, kept so that the commit and the error report
 * do not read the file again (in memory, their summaries; on disk, an area's batches: spill.ts). One store
 * per open database and area: a restore opens a new connection, and imports planned against the old file are
 * gone with it (releaseImports).
 */
export class ImportStore<T extends StoredImport> {
  private readonly items = new Map<string, T>();

  put(item: T, now: number): void {
    this.purge(now);
    const mine = [...this.items.values()].filter((i) => i.ownerToken === item.ownerToken && i.state !== 'running').sort((a, b) => a.createdAt - b.createdAt);
    while (mine.length >= PER_SESSION) this.delete(mine.shift()!);
    this.items.set(item.importId, item);
    keep(item);
  }

  /** Drops every preview (the file they were planned against is closed). */
  clear(): void {
    for (const item of [...this.items.values()]) this.delete(item);
  }

  get(importId: string, ownerToken: string, now: number): T {
    this.purge(now);
    const item = this.items.get(importId);
    if (!item || item.ownerToken !== ownerToken) throw new AppError('import.expired', 'The preview is gone; preview the file again', { params: { importId } });
    return item;
  }

  private purge(now: number): void {
    for (const item of [...this.items.values()]) if (item.state !== 'running' && now - item.createdAt > IMPORT_TTL_MS) this.delete(item);
  }

  private delete(item: T): void {
    this.items.delete(item.importId);
    drop(item);
  }
}

const stores = new WeakMap<SqliteDatabase.Database, Map<string, ImportStore<StoredImport>>>();

/** The store of `area`'s previews on this connection. */
export function importStoreOf<T extends StoredImport>(sqlite: SqliteDatabase.Database, area: string): ImportStore<T> {
  let byArea = stores.get(sqlite);
  if (!byArea) stores.set(sqlite, (byArea = new Map()));
  let s = byArea.get(area);
  if (!s) byArea.set(area, (s = new ImportStore<StoredImport>()));
  return s as unknown as ImportStore<T>;
}

/** Lets go of every area's previews on this connection, and what they keep on disk: the file is being closed. */
export function releaseImports(sqlite: SqliteDatabase.Database): void {
  const byArea = stores.get(sqlite);
  if (!byArea) return;
  for (const s of byArea.values()) s.clear();
  stores.delete(sqlite);
}

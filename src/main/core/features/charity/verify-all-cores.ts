import os from 'node:os';
import type SqliteDatabase from 'better-sqlite3';
import type { ChainVerdict } from '../../chains/hash';
import { bundledWorkerPath } from '../../util/worker-bundle';
import { verifyJournal } from './chain';
import { cutRanges, joinRanges, type RangeVerdict } from './verify-range';

// Apart from verify-range.ts, which the worker bundle imports: a worker bundle cannot import its own path.

/** Below this many entries the one walk is done before worker threads would have started. */
const PARALLEL_FROM = 50_000;

/**
 * The full chain check on every core: each range in a worker thread of its own, reading the file through a
 * read-only connection. Where there are no workers (tests, a single core, a small journal) it is the one walk.
 */
export async function verifyJournalOnAllCores(sqlite: SqliteDatabase.Database, databasePath: string): Promise<ChainVerdict> {
  const hasJournal = !!sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'charity_entries'").get();
  if (!hasJournal) return { ok: true, count: 0, head: null, firstBroken: null };
  const last = (sqlite.prepare('SELECT max(seq) FROM charity_entries').pluck().get() as number | null) ?? 0;
  const cores = Math.min(8, os.availableParallelism());
  const workerPath = last >= PARALLEL_FROM && cores > 1 ? await bundledWorkerPath(() => import('./verify-worker-path')) : null;
  if (!workerPath) return verifyJournal(sqlite);
  const { Worker } = await import('node:worker_threads');
  const ranges = await Promise.all(
    cutRanges(last, cores).map(
      ([from, to]) =>
        new Promise<RangeVerdict>((resolve, reject) => {
          const worker = new Worker(workerPath, { workerData: { databasePath, from, to } });
          worker.once('message', (m: { verdict?: RangeVerdict; error?: string }) => (m.verdict ? resolve(m.verdict) : reject(new Error(m.error))));
          worker.once('error', reject);
        }),
    ),
  );
  // Entries appended after `last` was read are the next check's: this one covers the journal as it was.
  return joinRanges(ranges);
}

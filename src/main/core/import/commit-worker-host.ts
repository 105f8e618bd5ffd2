/**
 * The body of an import's commit process, for any area: a child process of the app (commit-thread.ts
 * starts it) that opens its own connection to the database file and runs the area's writer there, so that
 * planning, the inserts, the COMMIT (its flush) and the WAL checkpoint never hold up the main process. The
 * main process keeps its own connection reserved meanwhile (commit-thread.ts), so nothing else writes;
 * SQLite's write lock would refuse it anyway.
 *
 * A process rather than a worker thread because of its memory: the writer's page cache (up to 1 GB,
 * import-cache.ts) is malloc'd page by page, and in a thread of the serving process, closing the
 * connection gave glibc back only part of it (measured: 140–470 MB of a 875 MB cache stayed with the
 * process, by how the frees fell). A process's memory all goes back to the system when it ends.
 *
 * It builds the field cipher from the database's key file and proves it holds the app's very key. The
 * start and a cancel arrive as messages (structured clone: the 'advanced' channel); the batches it reads
 * itself from the preview's spill file (spill.ts), so that they never pass through the serving process.
 */
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError, type ErrorPayload } from '../../../shared/errors';
import type { FieldCipher } from '../crypto/field-cipher';
import { applyPragmas, translateSqliteError } from '../db/connection';
import type { Database } from '../db/schema';
import { yieldThisThreadToMain } from '../util/thread-priority';
import { yieldToEventLoop } from '../spreadsheet/slices';
import { importCacheKib } from './import-cache';
import { importProcessCipher, parentChannel, type ImportProcessInit } from './import-process';
import { readSpillBatches, readSpillTail, type SpillRef } from './spill';

/** Set in the environment of a commit process: what the area's worker module serves when it is so started. */
export const COMMIT_WORKER_ROLE = 'LINLI_IMPORT_COMMIT';

export interface CommitWorkerInit<Work> extends ImportProcessInit {
  work: Work;
  /** The preview's batches, in order. */
  spill: SpillRef;
}

/** From the app: the commit's start; a cancel at any time. */
export type CommitWorkerRequest<Work> = { init: CommitWorkerInit<Work> } | { cancel: true };

export type CommitWorkerReply<Outcome> =
  { progress: { done: number; total: number } } | { done: Outcome } | { checkpointed: true } | { error: ErrorPayload; app: boolean };

/** Where the area's writer writes: the worker's own connection, Kysely on it, and the field cipher. */
export interface CommitStore {
  sqlite: SqliteDatabase.Database;
  db: Kysely<Database>;
  secrets: FieldCipher;
}

/** What the writer is given besides its store and the batches. */
export interface CommitHooks {
  progress(done: number, total: number): void;
  /** Throws jobs.cancelled once the user has cancelled. */
  checkCancelled(): void;
  /** The preview's last record, after its batches (spill.ts): what it planned for the whole file, read where the commit runs. */
  previewTail<T>(): T | undefined;
}

/** An area's commit, as the worker runs it: one transaction over the batches handed over. */
export type CommitWriter<Work, Batch, Outcome> = (store: CommitStore, work: Work, batches: AsyncIterable<Batch>, hooks: CommitHooks) => Promise<Outcome>;

/** Serves one commit in this process with `write`, when this process was started as a commit process. */
export function serveCommitWorker<Work, Batch, Outcome>(write: CommitWriter<Work, Batch, Outcome>): void {
  if (process.env[COMMIT_WORKER_ROLE] !== '1') return;
  let finished = false;
  // The app went away (or gave up on the commit): what was written is rolled back with the process.
  const channel = parentChannel(() => {
    if (!finished) process.exit(1);
  });
  if (!channel) return;
  yieldThisThreadToMain();
  const reply = (r: CommitWorkerReply<Outcome>) => channel.send(r);
  let cancelled = false;
  let start: ((init: CommitWorkerInit<Work>) => void) | null = null;
  const started = new Promise<CommitWorkerInit<Work>>((resolve) => (start = resolve));
  channel.onMessage((message) => {
    const m = message as CommitWorkerRequest<Work>;
    if ('init' in m) return start?.(m.init);
    cancelled = true;
  });
  // Read one at a time as the writer asks (a megabyte or so each), not all at once; between two, the
  // event loop turns, so that a cancel from the app is heard (the reads themselves are synchronous).
  async function* batches(spill: SpillRef): AsyncGenerator<Batch> {
    for (const batch of readSpillBatches<Batch>(spill)) {
      yield batch;
      await yieldToEventLoop();
    }
  }

  void (async () => {
    let sqlite: SqliteDatabase.Database | null = null;
    try {
      const init = await started;
      const secrets = importProcessCipher(init);
      sqlite = new SqliteDatabase(init.databaseFile);
      applyPragmas(sqlite);
      sqlite.pragma(`cache_size = -${importCacheKib()}`);
      // The checkpoint is run below, after the job has reported done (not inside COMMIT).
      sqlite.pragma('wal_autocheckpoint = 0');
      const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
      const outcome = await write({ sqlite, db, secrets }, init.work, batches(init.spill), {
        progress: (done, total) => void reply({ progress: { done, total } }),
        checkCancelled: () => {
          if (cancelled) throw new AppError('jobs.cancelled');
        },
        previewTail: () => readSpillTail(init.spill),
      });
      finished = true;
      await reply({ done: outcome });
      // The import is committed, and durable: COMMIT synced the WAL (synchronous=FULL). Copying the WAL's
      // pages into the file (a second or two for 100,000 rows) is housekeeping, done here after the job
      // has reported done rather than before, and never on the app's next write: it does not checkpoint
      // until this process has ended (commit-thread.ts). PASSIVE: readers and writers go on meanwhile.
      try {
        sqlite.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // Left for the next checkpoint: the WAL is intact and every reader sees it.
      }
      await reply({ checkpointed: true });
    } catch (err) {
      finished = true;
      const app = err instanceof AppError ? err : translateSqliteError(err);
      await reply({ app: app !== null, error: app ? app.toPayload() : { code: 'internal', message: (err as Error)?.message ?? String(err) } });
    } finally {
      sqlite?.close();
      // Nothing more will come: the process ends (its 'exit' gives the app's connection its checkpoint back).
      channel.close();
    }
  })();
}

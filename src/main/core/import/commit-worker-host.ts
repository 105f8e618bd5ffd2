/**
 * The body of an import's commit worker thread, for any area: it opens its own connection to the database
 * file and runs the area's writer there, so that planning, the inserts, the COMMIT (its flush) and the WAL
 * checkpoint never hold up the main process. The main process keeps its own connection reserved meanwhile
 * (commit-thread.ts), so nothing else writes; SQLite's write lock would refuse it anyway.
 *
 * It builds the field cipher from the database's key file and proves it holds the app's very key. Batches
 * arrive one message at a time; the cancel flag is shared memory, read between slices.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError, type ErrorPayload } from '../../../shared/errors';
import type { FieldCipher } from '../crypto/field-cipher';
import { createFieldCipher } from '../crypto/field-cipher';
import { loadOrCreateKey } from '../crypto/key-file';
import { applyPragmas, translateSqliteError } from '../db/connection';
import type { Database } from '../db/schema';
import { yieldThisThreadToMain } from '../util/thread-priority';
import { importCacheKib } from './import-cache';

export const COMMIT_WORKER_ROLE = 'linli-import-commit';

export interface CommitWorkerInit<Work> {
  role: typeof COMMIT_WORKER_ROLE;
  databaseFile: string;
  keyFile: string;
  /** Int32Array over it: [0] is set to 1 when the user cancels. */
  cancelFlag: SharedArrayBuffer;
  /** The lookup hash of `probe` under the app's key: the worker must hold the very same key. */
  probe: string;
  probeHash: string;
  work: Work;
}

/** From the main thread: the batches in order, then the end of them. */
export type CommitWorkerRequest<Batch> = { batch: Batch } | { end: true };

export type CommitWorkerReply<Outcome> = { progress: { done: number; total: number } } | { done: Outcome } | { checkpointed: true } | { error: ErrorPayload; app: boolean };

/** Where the area's writer writes: the worker's own connection, Kysely on it, and the field cipher. */
export interface CommitStore {
  sqlite: SqliteDatabase.Database;
  db: Kysely<Database>;
  secrets: FieldCipher;
}

export interface CommitHooks {
  progress(done: number, total: number): void;
  /** Throws jobs.cancelled once the user has cancelled. */
  checkCancelled(): void;
}

/** An area's commit, as the worker runs it: one transaction over the batches handed over. */
export type CommitWriter<Work, Batch, Outcome> = (store: CommitStore, work: Work, batches: AsyncIterable<Batch>, hooks: CommitHooks) => Promise<Outcome>;

/** Serves one commit in this worker thread with `write`, when this thread was started as a commit worker. */
export function serveCommitWorker<Work, Batch, Outcome>(write: CommitWriter<Work, Batch, Outcome>): void {
  const init = workerData as CommitWorkerInit<Work> | null;
  if (!parentPort || init?.role !== COMMIT_WORKER_ROLE) return;
  const port = parentPort;
  yieldThisThreadToMain();
  const reply = (r: CommitWorkerReply<Outcome>) => port.postMessage(r);
  const queue: Batch[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  port.on('message', (m: CommitWorkerRequest<Batch>) => {
    if ('batch' in m) queue.push(m.batch);
    else ended = true;
    wake?.();
  });
  async function* batches(): AsyncGenerator<Batch> {
    for (;;) {
      const next = queue.shift();
      if (next) yield next;
      else if (ended) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  void (async () => {
    let sqlite: SqliteDatabase.Database | null = null;
    try {
      const secrets = createFieldCipher(loadOrCreateKey(init.keyFile));
      if (secrets.lookupHash(init.probe) !== init.probeHash) throw new Error('the worker read another key than the app holds');
      sqlite = new SqliteDatabase(init.databaseFile);
      applyPragmas(sqlite);
      sqlite.pragma(`cache_size = -${importCacheKib()}`);
      // The checkpoint is run below, after the job has reported done (not inside COMMIT).
      sqlite.pragma('wal_autocheckpoint = 0');
      const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
      const cancelled = new Int32Array(init.cancelFlag);
      const outcome = await write({ sqlite, db, secrets }, init.work, batches(), {
        progress: (done, total) => reply({ progress: { done, total } }),
        checkCancelled: () => {
          if (Atomics.load(cancelled, 0) === 1) throw new AppError('jobs.cancelled');
        },
      });
      reply({ done: outcome });
      // The import is committed, and durable: COMMIT synced the WAL (synchronous=FULL). Copying the WAL's
      // pages into the file (a second or two for 100,000 rows) is housekeeping, done here after the job
      // has reported done rather than before, and never on the main thread's next write: it does not
      // checkpoint until this one is over (commit-thread.ts). PASSIVE: readers and writers go on meanwhile.
      try {
        sqlite.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // Left for the next checkpoint: the WAL is intact and every reader sees it.
      }
      reply({ checkpointed: true });
      // Nothing more will come: let the thread end (its 'exit' gives the app's connection its checkpoint back).
      port.close();
      return;
    } catch (err) {
      const app = err instanceof AppError ? err : translateSqliteError(err);
      reply({ app: app !== null, error: app ? app.toPayload() : { code: 'internal', message: (err as Error)?.message ?? String(err) } });
    } finally {
      sqlite?.close();
    }
  })();
}

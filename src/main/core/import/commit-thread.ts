import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { HandlerContext, WorkerEntry } from '../context';
import type { JobControl } from '../jobs/jobs';
import { yieldToEventLoop } from '../spreadsheet/slices';
import { writeGateOf } from '../db/write-gate';
import { COMMIT_WORKER_ROLE, type CommitWorkerInit, type CommitWorkerReply, type CommitWorkerRequest } from './commit-worker-host';

/** What an area hands to its commit worker: the plain values of the commit, and its batches in order. */
export interface CommitInWorker<Work, Batch> {
  /** The area's worker code (commit-worker-host.ts serving its writer); null: none can run here. */
  entry: WorkerEntry | null;
  /** Names the import in the key probe (any text unique to it). */
  importId: string;
  work: Work;
  batches: Iterable<Batch>;
}

/**
 * Runs an import's commit in a worker thread on its own connection (commit-worker-host.ts) and waits for
 * it, while this thread only hands over the batches and relays progress and the cancel. Its own connection
 * stays free for reads (WAL: they see the data as it was until the COMMIT); writes of this process wait at
 * the write gate (db/write-gate.ts) instead of blocking the thread on SQLite's lock.
 * Returns null, having written nothing, where no worker can run: no key file, or no worker code.
 */
export async function commitInWorker<Work, Batch, Outcome>(ctx: HandlerContext, commit: CommitInWorker<Work, Batch>, job: JobControl): Promise<Outcome | null> {
  const keyFile = ctx.paths.keyFile;
  if (!keyFile || !commit.entry) return null;
  const cancelFlag = new SharedArrayBuffer(4);
  const probe = `import-commit-probe:${commit.importId}`;
  const init: CommitWorkerInit<Work> = { role: COMMIT_WORKER_ROLE, databaseFile: ctx.paths.database, keyFile, cancelFlag, probe, probeHash: ctx.secrets.lookupHash(probe), work: commit.work };
  let worker: Worker;
  try {
    worker = new Worker(commit.entry.path, { workerData: init, execArgv: commit.entry.execArgv });
  } catch {
    return null;
  }
  const cancel = () => Atomics.store(new Int32Array(cancelFlag), 0, 1);
  job.signal.addEventListener('abort', cancel);
  // The worker copies the WAL into the file after it reports done; until it has, this connection must not
  // start that checkpoint itself on its next write, on the main thread.
  const resumeCheckpoints = holdCheckpoints(ctx.sqlite);
  let committed = false;
  const releaseWrites = writeGateOf(ctx.sqlite).hold();
  try {
    // A write that got through before the gate closed ends first (the worker's BEGIN IMMEDIATE would wait for it).
    await ctx.db.connection().execute(async () => {});
    const outcome = await (async () => {
      const finished = new Promise<Outcome>((resolve, reject) => {
        worker.on('message', (r: CommitWorkerReply<Outcome>) => {
          if ('progress' in r) job.progress(r.progress.done, r.progress.total);
          else if ('done' in r) resolve(r.done);
          else if ('checkpointed' in r) return;
          else reject(r.app ? new AppError(r.error.code, r.error.message, { params: r.error.params, fields: r.error.fields }) : new Error(`import commit worker: ${r.error.message}`));
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`import commit worker stopped (${code}) before it finished`)));
      });
      finished.catch(() => {}); // awaited below, once every batch is handed over
      // One message per batch (a megabyte or so each), yielding between them: a single message of the
      // whole preview would be copied in one go, holding this thread for a second.
      const send = (m: CommitWorkerRequest<Batch>) => worker.postMessage(m);
      for (const batch of commit.batches) {
        send({ batch });
        await yieldToEventLoop();
      }
      send({ end: true });
      return await finished;
    })();
    committed = true;
    return outcome;
  } finally {
    releaseWrites();
    job.signal.removeEventListener('abort', cancel);
    if (committed) {
      // Committed: the worker checkpoints, then ends on its own; the process need not wait for it.
      worker.once('exit', resumeCheckpoints);
      worker.unref();
    } else {
      await worker.terminate();
      resumeCheckpoints();
    }
  }
}

const checkpointHolds = new WeakMap<SqliteDatabase.Database, { count: number; pages: number }>();

/**
 * Turns this connection's automatic checkpoint off until the returned function has been called (as many
 * times as it was held: two imports may overlap their checkpoints), then restores it.
 */
export function holdCheckpoints(sqlite: SqliteDatabase.Database): () => void {
  let hold = checkpointHolds.get(sqlite);
  if (!hold) {
    hold = { count: 0, pages: Number(sqlite.pragma('wal_autocheckpoint', { simple: true })) };
    checkpointHolds.set(sqlite, hold);
    sqlite.pragma('wal_autocheckpoint = 0');
  }
  hold.count++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const h = checkpointHolds.get(sqlite);
    if (!h || --h.count > 0) return;
    checkpointHolds.delete(sqlite);
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${h.pages}`);
  };
}

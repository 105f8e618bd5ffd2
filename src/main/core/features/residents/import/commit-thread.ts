import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';
import { AppError } from '../../../../../shared/errors';
import type { HandlerContext, WorkerEntry } from '../../../context';
import type { JobControl } from '../../../jobs/jobs';
import type { CommitOutcome, CommitWork } from './commit-write';
import type { CommitWorkerInit, CommitWorkerReply, CommitWorkerRequest } from './commit-worker';
import { yieldToEventLoop } from './slices';
import { writeGateOf } from '../../../db/write-gate';
import { bundledWorkerPath } from '../../../util/worker-bundle';
import type { ImportSession } from './store';

/** The worker's code: the one the host named (tests: the source), else the bundle's, else none. */
export async function commitWorkerEntry(ctx: Pick<HandlerContext, 'workers'>): Promise<WorkerEntry | null> {
  if (ctx.workers.importCommit !== undefined) return ctx.workers.importCommit;
  const path = await bundledWorkerPath(() => import('./commit-worker-path'));
  return path ? { path } : null;
}

/**
 * Runs the commit in a worker thread on its own connection (commit-worker.ts) and waits for it, while
 * this thread only hands over the preview's batches and relays progress and the cancel. Its own connection
 * stays free for reads (WAL: they see the registry as it was until the COMMIT); writes of this process wait
 * at the write gate (db/write-gate.ts) instead of blocking the thread on SQLite's lock.
 * Returns null, having written nothing, where no worker can run: no key file, or no worker code.
 */
export async function commitInWorker(ctx: HandlerContext, imp: ImportSession, work: CommitWork, job: JobControl, entry: WorkerEntry | null): Promise<CommitOutcome | null> {
  const keyFile = ctx.paths.keyFile;
  if (!keyFile || !entry) return null;
  const cancelFlag = new SharedArrayBuffer(4);
  const probe = `import-commit-probe:${work.importId}`;
  const init: CommitWorkerInit = { role: 'linli-import-commit', databaseFile: ctx.paths.database, keyFile, cancelFlag, probe, probeHash: ctx.secrets.lookupHash(probe), work };
  let worker: Worker;
  try {
    worker = new Worker(entry.path, { workerData: init, execArgv: entry.execArgv });
  } catch {
    return null;
  }
  const cancel = () => Atomics.store(new Int32Array(cancelFlag), 0, 1);
  job.signal.addEventListener('abort', cancel);
  // The worker copies the WAL into the file after it reports done (commit-worker.ts); until it has, this
  // connection must not start that checkpoint itself on its next write, on the main thread.
  const resumeCheckpoints = holdCheckpoints(ctx.sqlite);
  let committed = false;
  const releaseWrites = writeGateOf(ctx.sqlite).hold();
  try {
    // A write that got through before the gate closed ends first (the worker's BEGIN IMMEDIATE would wait for it).
    await ctx.db.connection().execute(async () => {});
    const outcome = await (async () => {
      const finished = new Promise<CommitOutcome>((resolve, reject) => {
        worker.on('message', (r: CommitWorkerReply) => {
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
      const send = (m: CommitWorkerRequest) => worker.postMessage(m);
      for (const batch of imp.batches) {
        send({ batch: { batch, plans: imp.plans.slice(batch.first, batch.first + batch.count) } });
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

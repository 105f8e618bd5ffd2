import type SqliteDatabase from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { HandlerContext, WorkerEntry } from '../context';
import type { JobControl } from '../jobs/jobs';
import { writeGateOf } from '../db/write-gate';
import { COMMIT_WORKER_ROLE, type CommitWorkerInit, type CommitWorkerReply, type CommitWorkerRequest } from './commit-worker-host';
import { importProcessInit, startImportProcess } from './import-process';
import { takeWarmProcess, warmImportProcess } from './warm-process';
import type { SpillRef } from './spill';

/** What an area hands to its commit process: the plain values of the commit, and where the preview's batches are. */
export interface CommitInWorker<Work> {
  /** The area's commit code (commit-worker-host.ts serving its writer); null: none can run here. */
  entry: WorkerEntry | null;
  /** Names the import in the key probe (any text unique to it). */
  importId: string;
  work: Work;
  /** The preview's batches, in order (spill.ts): the commit process reads them itself. */
  spill: SpillRef;
}

/**
 * Runs an import's commit in a child process on its own connection (commit-worker-host.ts: a process, so
 * that its page cache leaves with it) and waits for it, while this thread only relays progress and the
 * cancel: the commit process reads the batches from the preview's spill file itself. This thread's own
 * connection stays free for reads (WAL: they see the data as it was until the COMMIT); writes of this process wait at the write gate (db/write-gate.ts) instead of
 * blocking the thread on SQLite's lock.
 * Returns null, having written nothing, where no commit process can run: no key file, or no commit code.
 */
export async function commitInWorker<Work, Outcome>(ctx: HandlerContext, commit: CommitInWorker<Work>, job: JobControl): Promise<Outcome | null> {
  const start = importProcessInit(ctx, `import-commit-probe:${commit.importId}`);
  if (!start || !commit.entry) return null;
  const init: CommitWorkerInit<Work> = { ...start, work: commit.work, spill: commit.spill };
  // The one started when the preview was ready (warm-process.ts), else a new one.
  const worker = takeWarmProcess(commit.entry, COMMIT_WORKER_ROLE) ?? startImportProcess(ctx.workers.launchImportProcess, commit.entry, COMMIT_WORKER_ROLE);
  if (!worker) return null;
  const exited = new Promise<void>((resolve) => worker.onExit(() => resolve()));
  const send = (m: CommitWorkerRequest<Work>) => worker.send(m);
  const cancel = () => void send({ cancel: true });
  job.signal.addEventListener('abort', cancel);
  // The commit process copies the WAL into the file after it reports done; until it has, this connection must not
  // start that checkpoint itself on its next write, on the main thread.
  const resumeCheckpoints = holdCheckpoints(ctx.sqlite);
  let committed = false;
  const releaseWrites = writeGateOf(ctx.sqlite).hold();
  try {
    // A write that got through before the gate closed ends first (the commit's BEGIN IMMEDIATE would wait for it).
    await ctx.db.connection().execute(async () => {});
    const outcome = await (async () => {
      const finished = new Promise<Outcome>((resolve, reject) => {
        worker.onMessage((message) => {
          const r = message as CommitWorkerReply<Outcome>;
          if ('progress' in r) job.progress(r.progress.done, r.progress.total);
          else if ('done' in r) resolve(r.done);
          else if ('checkpointed' in r) return;
          else
            reject(
              r.app
                ? new AppError(r.error.code, r.error.message, { params: r.error.params, fields: r.error.fields })
                : new Error(`import commit process: ${r.error.message}`),
            );
        });
        worker.onExit((code) => reject(new Error(`import commit process stopped (${code}) before it finished`)));
      });
      finished.catch(() => {}); // awaited below, once the start is handed over
      await send({ init });
      return await finished;
    })();
    committed = true;
    return outcome;
  } finally {
    releaseWrites();
    job.signal.removeEventListener('abort', cancel);
    if (committed) {
      // Committed: the commit process checkpoints, then ends on its own; this one need not wait for it.
      void exited.then(resumeCheckpoints);
      worker.unref();
    } else {
      // Whatever it wrote is rolled back: SQLite ignores a transaction that was never committed.
      if (worker.running()) worker.kill();
      await exited;
      resumeCheckpoints();
    }
  }
}

/**
 * Starts the area's commit process ahead of its commit (its preview has started), where one can run:
 * the commit then starts writing without waiting for it to load (warm-process.ts).
 */
export function warmCommitProcess(ctx: Pick<HandlerContext, 'paths' | 'workers'>, entry: WorkerEntry | null): void {
  if (!ctx.paths.keyFile || !entry) return;
  warmImportProcess(ctx.workers.launchImportProcess, entry, COMMIT_WORKER_ROLE);
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

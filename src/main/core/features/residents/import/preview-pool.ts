import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../../shared/errors';
import type { FieldCipher } from '../../../crypto/field-cipher';
import type { ResidentFields } from '../prepare';
import type { FirstPass } from './first-pass';
import { threadsCanYieldToMain } from '../../../util/thread-priority';
import { bundledWorkerPath } from '../../../util/worker-bundle';
import { PREVIEW_BATCH_ROWS, type ColumnChoice } from './preview-read';
import type { PreviewReply, PreviewRequest, PreviewWorkerEvent, PreviewWorkerInit } from './preview-worker';

/** At most this many threads per preview (each holds its own copy of htmlparser2, pinyin-pro and a batch or two). */
const MAX_WORKERS = 4;

/**
 * The main process plans every row against the registry meanwhile, and its garbage collector needs a
 * core too. Where the workers run below the main thread's priority (Linux: thread-priority.ts), they may
 * take every core: the scheduler still gives the main thread a core the moment it needs one. Elsewhere one
 * core is left to it: with every core busy at the same priority, the main thread waited its turn for
 * 100–500 ms at a time on a 2-core machine.
 */
export function defaultWorkerCount(): number {
  const cores = os.availableParallelism();
  return Math.max(1, Math.min(threadsCanYieldToMain() ? cores : cores - 1, MAX_WORKERS));
}

/**
 * Worker threads for one large preview: the first reads the file and drafts its rows, and all of them
 * make the rows' first passes, batch by batch, beside the main thread's planning.
 */
export interface PreviewWorkers {
  /** Reads the file in a worker; `emit` hears of the head, then of each batch of rows, in order. */
  read(bytes: Buffer, columns: ColumnChoice, emit: (e: PreviewWorkerEvent) => void): Promise<void>;
  /** The first passes of a batch of rows, in order, from the least busy worker. */
  firstPasses(givens: Partial<ResidentFields>[]): Promise<FirstPass[]>;
  close(): Promise<void>;
}

/** A request without its id (each kind of request on its own: Omit over the union would lose them). */
type RequestBody = PreviewRequest extends infer R ? (R extends PreviewRequest ? Omit<R, 'id'> : never) : never;

interface Waiting {
  worker: number;
  rows: number;
  event?(e: PreviewWorkerEvent): void;
  resolve(r: PreviewReply): void;
  reject(e: Error): void;
}

/**
 * Starts the workers, or returns null where they cannot run (no key file, a build without the worker
 * bundle, a worker that cannot start or holds another key): the caller then does the work in its own
 * thread, sliced.
 */
export async function startPreviewWorkers(opts: { keyFile: string | null; today: string; secrets: FieldCipher; workers?: number }): Promise<PreviewWorkers | null> {
  if (!opts.keyFile) return null;
  const workerPath = await bundledWorkerPath(() => import('./preview-worker-path'));
  if (!workerPath) return null;

  const count = Math.max(1, Math.min(opts.workers ?? defaultWorkerCount(), MAX_WORKERS));
  const init: PreviewWorkerInit = { role: 'linli-import-preview', keyFile: opts.keyFile, today: opts.today };
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < count; i++) workers.push(new Worker(workerPath, { workerData: init }));
  } catch {
    await Promise.all(workers.map((w) => w.terminate()));
    return null;
  }
  const load = workers.map(() => 0);
  const waiting = new Map<number, Waiting>();
  let broken: Error | null = null;
  let closing = false;
  let nextId = 0;

  const settle = (id: number) => {
    const w = waiting.get(id);
    if (!w) return null;
    waiting.delete(id);
    load[w.worker] -= w.rows;
    return w;
  };
  const breakAll = (err: Error) => {
    broken ??= err;
    for (const id of [...waiting.keys()]) settle(id)?.reject(err);
  };
  workers.forEach((w) => {
    w.on('message', (r: PreviewReply) => {
      if ('event' in r) return void waiting.get(r.id)?.event?.(r.event);
      const p = settle(r.id);
      if (!p) return;
      if ('error' in r) p.reject(r.app ? new AppError(r.error.code, r.error.message, { params: r.error.params, fields: r.error.fields }) : new Error(`import preview worker: ${r.error.message}`));
      else p.resolve(r);
    });
    w.on('error', (err) => breakAll(err));
    w.on('exit', (code) => {
      if (!closing) breakAll(new Error(`import preview worker stopped (${code})`));
    });
  });

  const ask = (worker: number, message: RequestBody, rows: number, event?: Waiting['event']) =>
    new Promise<PreviewReply>((resolve, reject) => {
      if (broken) return reject(broken);
      const id = nextId++;
      waiting.set(id, { worker, rows, event, resolve, reject });
      load[worker] += rows;
      workers[worker].postMessage({ id, ...message });
    });
  const close = async () => {
    closing = true;
    breakAll(new Error('import preview workers closed'));
    await Promise.all(workers.map((w) => w.terminate()));
  };

  // The workers must hold the very key the app uses.
  try {
    const probe = `import-probe:${Date.now()}`;
    const replies = await Promise.all(workers.map((_, i) => ask(i, { probe }, 0)));
    if (replies.some((r) => !('hash' in r) || r.hash !== opts.secrets.lookupHash(probe))) throw new Error('another key');
  } catch {
    await close();
    return null;
  }

  return {
    async read(bytes, columns, emit) {
      // The reader counts as busy with a few batches, so that first passes go to the others first.
      await ask(0, { read: { bytes, columns } }, PREVIEW_BATCH_ROWS * 2, emit);
    },
    async firstPasses(givens) {
      const worker = load.indexOf(Math.min(...load));
      const r = await ask(worker, { prepare: givens }, givens.length);
      const passes = 'passesJson' in r ? (JSON.parse(r.passesJson) as FirstPass[]) : null;
      if (!passes || passes.length !== givens.length) throw new Error('import preview worker: a batch came back incomplete');
      return passes;
    },
    close,
  };
}

import type { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { WorkerEntry } from '../context';
import type { FieldCipher } from '../crypto/field-cipher';
import { IMPORT_BATCH_ROWS } from './read-batches';
import type { PreviewReply, PreviewRequest } from './preview-worker-host';
import {
  defaultWorkerCount,
  MAX_PREVIEW_WORKERS,
  PREVIEW_WORKER_ROLE,
  startPreviewThreads,
  takeEarlyPreviewThreads,
  type PreviewWorkerInit,
} from './preview-threads';

/**
 * Worker threads for one large preview (preview-worker-host.ts serving an area's work): the first reads
 * the file and drafts its rows, and all of them prepare rows, batch by batch, beside the main thread's
 * planning.
 */
export interface PreviewWorkers<Choice, Event, Given, Prepared> {
  /** Reads the file in a worker; `emit` hears of the head, then of each batch of rows, in order. */
  read(bytes: Buffer, choice: Choice, emit: (e: Event) => void): Promise<void>;
  /** A batch of rows prepared, in order, by the least busy worker. */
  prepare(givens: Given[]): Promise<Prepared[]>;
  close(): Promise<void>;
}

/** A request without its id (each kind of request on its own: Omit over the union would lose them). */
type RequestBody<C, G> = PreviewRequest<C, G> extends infer R ? (R extends PreviewRequest<C, G> ? Omit<R, 'id'> : never) : never;

interface Waiting<E> {
  worker: number;
  rows: number;
  event?(e: E): void;
  resolve(r: PreviewReply<E>): void;
  reject(e: Error): void;
}

/**
 * Starts the workers, or returns null where they cannot run (no key file, a build without the worker
 * bundle, a worker that cannot start or holds another key): the caller then does the work in its own
 * thread, sliced.
 */
export async function startPreviewWorkers<Choice, Event, Given, Prepared>(opts: {
  /** The area's preview worker code (the bundle's; tests: the source); null: none here. */
  entry: WorkerEntry | null;
  keyFile: string | null;
  today: string;
  secrets: FieldCipher;
  workers?: number;
}): Promise<PreviewWorkers<Choice, Event, Given, Prepared> | null> {
  const entry = opts.entry;
  if (!opts.keyFile || !entry) return null;

  const count = Math.max(1, Math.min(opts.workers ?? defaultWorkerCount(), MAX_PREVIEW_WORKERS));
  const init: PreviewWorkerInit = { role: PREVIEW_WORKER_ROLE, keyFile: opts.keyFile, today: opts.today };
  // In a preview process, the threads it started as it started (preview-threads.ts), else new ones.
  let workers: Worker[];
  try {
    workers = (takeEarlyPreviewThreads(entry, count, init) ?? startPreviewThreads(entry, count, init)).map((t) => t.worker);
  } catch {
    return null;
  }
  const load = workers.map(() => 0);
  const waiting = new Map<number, Waiting<Event>>();
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
    w.on('message', (r: PreviewReply<Event>) => {
      if ('event' in r) return void waiting.get(r.id)?.event?.(r.event);
      const p = settle(r.id);
      if (!p) return;
      if ('error' in r)
        p.reject(
          r.app
            ? new AppError(r.error.code, r.error.message, { params: r.error.params, fields: r.error.fields })
            : new Error(`import preview worker: ${r.error.message}`),
        );
      else p.resolve(r);
    });
    w.on('error', (err) => breakAll(err));
    w.on('exit', (code) => {
      if (!closing) breakAll(new Error(`import preview worker stopped (${code})`));
    });
  });

  const ask = (worker: number, message: RequestBody<Choice, Given>, rows: number, event?: Waiting<Event>['event']) =>
    new Promise<PreviewReply<Event>>((resolve, reject) => {
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
    async read(bytes, choice, emit) {
      // The reader counts as busy with a few batches, so that rows to prepare go to the others first.
      await ask(0, { read: { bytes, choice } }, IMPORT_BATCH_ROWS * 2, emit);
    },
    async prepare(givens) {
      const worker = load.indexOf(Math.min(...load));
      const r = await ask(worker, { prepare: givens }, givens.length);
      const prepared = 'preparedJson' in r ? (JSON.parse(r.preparedJson) as Prepared[]) : null;
      if (!prepared || prepared.length !== givens.length) throw new Error('import preview worker: a batch came back incomplete');
      return prepared;
    },
    close,
  };
}

import os from 'node:os';
import { bundledWorkerPath } from '../../../util/worker-bundle';
import { Worker } from 'node:worker_threads';
import type { FieldCipher } from '../../../crypto/field-cipher';
import type { ResidentColumns, ResidentFields } from '../prepare';
import type { BatchDeriver } from './derive';

type Reply = { id: number; columns?: ResidentColumns[]; hash?: string; error?: string };

/**
 * Worker threads that derive resident columns, so that encryption and pinyin (most of a seed's CPU time)
 * run beside the generation and the writes. Returns null where workers cannot run (no key file, or a
 * build without the worker bundle): the caller then derives in its own thread.
 */
export async function startDerivePool(opts: { keyFile: string | null; today: string; secrets: FieldCipher; workers?: number }): Promise<BatchDeriver | null> {
  if (!opts.keyFile) return null;
  const workerPath = await bundledWorkerPath(() => import('./derive-worker-path'));
  if (!workerPath) return null;
  const count = Math.max(1, Math.min(opts.workers ?? os.availableParallelism(), 8));
  const workers = Array.from({ length: count }, () => new Worker(workerPath, { workerData: { keyFile: opts.keyFile, today: opts.today } }));
  let nextId = 0;
  const waiting = new Map<number, { resolve(r: Reply): void; reject(e: Error): void }>();
  for (const w of workers) {
    w.on('message', (r: Reply) => {
      const p = waiting.get(r.id);
      waiting.delete(r.id);
      if (!p) return;
      if (r.error) p.reject(new Error(`seed worker: ${r.error}`));
      else p.resolve(r);
    });
    w.on('error', (err) => {
      for (const p of waiting.values()) p.reject(err);
      waiting.clear();
    });
  }
  const ask = (w: Worker, message: { fields?: ResidentFields[]; probe?: string }) =>
    new Promise<Reply>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      w.postMessage({ id, ...message });
    });
  const close = async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };

  // The workers must hold the very key the app uses.
  const probe = `seed-probe:${Date.now()}`;
  const hashes = await Promise.all(workers.map((w) => ask(w, { probe })));
  if (hashes.some((h) => h.hash !== opts.secrets.lookupHash(probe))) {
    await close();
    return null;
  }

  return {
    async derive(fields) {
      const size = Math.ceil(fields.length / workers.length);
      const parts = await Promise.all(
        workers.map((w, i) =>
          i * size < fields.length ? ask(w, { fields: fields.slice(i * size, (i + 1) * size) }) : Promise.resolve({ id: -1, columns: [] }),
        ),
      );
      return parts.flatMap((p) => p.columns ?? []);
    },
    close,
  };
}

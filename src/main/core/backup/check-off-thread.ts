import { Worker } from 'node:worker_threads';
import { bundledWorkerPath } from '../util/worker-bundle';
import { checkCopy, type BackupCheck } from './verify';
import { sha256File } from './checksum';

export interface CheckedCopy {
  check: BackupCheck;
  /** Hex SHA-256 of the verified copy; null when it failed. */
  sha256: string | null;
}

/**
 * Verifies a copy in a worker thread where the bundle has one (the app, `linli serve`, the CLI), so the
 * main thread keeps answering; in the calling thread otherwise (tests run the sources).
 */
export async function checkCopyOffThread(file: string): Promise<CheckedCopy> {
  const workerPath = await bundledWorkerPath(() => import('./check-worker-path'));
  if (!workerPath) {
    const check = checkCopy(file);
    return { check, sha256: check.ok ? await sha256File(file) : null };
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath, { workerData: { file } });
    worker.once('message', (m: CheckedCopy & { error?: string }) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
  });
}

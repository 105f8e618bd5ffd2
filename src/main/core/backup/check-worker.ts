/**
 * A worker thread that verifies a backup copy (integrity check, row counts, hash chains) and takes its
 * SHA-256: on a district's file that is a minute of work, which must never keep a search waiting.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkCopy } from './verify';
import { sha256FileSync } from './checksum';
import { yieldThisThreadToMain } from '../util/thread-priority';

const file = (workerData as { file?: string } | null)?.file;
if (parentPort && file) {
  // Below the main thread: on two busy cores, a search still gets one at once.
  yieldThisThreadToMain();
  try {
    const check = checkCopy(file);
    parentPort.postMessage({ check, sha256: check.ok ? sha256FileSync(file) : null });
  } catch (err) {
    parentPort.postMessage({ error: (err as Error).message });
  }
}

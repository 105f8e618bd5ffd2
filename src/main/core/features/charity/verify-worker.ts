/**
 * A worker thread of `verifyJournalOnAllCores`: checks one range of the charity journal's chain through a
 * read-only connection of its own, and posts the range's verdict.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { verifyRange } from './verify-range';

const job = workerData as { databasePath: string; from: number; to: number } | null;
if (parentPort && job) {
  try {
    const sqlite = new Database(job.databasePath, { readonly: true, fileMustExist: true });
    try {
      parentPort.postMessage({ verdict: verifyRange(sqlite, job.from, job.to) });
    } finally {
      sqlite.close();
    }
  } catch (err) {
    parentPort.postMessage({ error: (err as Error).message });
  }
}
